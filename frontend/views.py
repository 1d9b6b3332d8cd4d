from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from marketplace.selectors import occupation_family_list_with_counts, posting_list_public


def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "frontend/home.html",
        {
            "postings": posting_list_public(limit=20),
            "families": occupation_family_list_with_counts(),
        },
    )
