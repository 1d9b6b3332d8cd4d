"""Pages of every API list, read the same way as the search's pages.

DRF's default answered `page=-1` or `page=abc` with 404 (while search said 400 页码超出范围) and a
page past the end with 404 too. Here a page number that is not a whole number from 1 is a 400
naming the field, and a page past the end is an empty page with the true count, as search
answers: a phone scrolling on simply finds nothing more.
"""

from __future__ import annotations

from django.core.paginator import Page
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.utils.urls import remove_query_param, replace_query_param

from marketplace.validators import is_digits

MSG_PAGE = _("页码必须是从1开始的整数。")
MSG_PAGE_SIZE = _("每页数量应在1到%(n)d之间。")


class Pagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 50  # as search (matching.search.query.MAX_PAGE_SIZE)

    def get_page_size(self, request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw in (None, ""):
            return self.page_size
        if not is_digits(raw) or not 1 <= int(raw) <= self.max_page_size:
            raise ValidationError({self.page_size_query_param: [MSG_PAGE_SIZE % {"n": self.max_page_size}]})
        return int(raw)

    def paginate_queryset(self, queryset, request, view=None) -> list:
        self.request = request
        raw = request.query_params.get(self.page_query_param)
        if raw in (None, ""):
            number = 1
        elif is_digits(raw) and int(raw) >= 1:
            number = int(raw)
        else:
            raise ValidationError({self.page_query_param: [MSG_PAGE]})
        paginator = self.django_paginator_class(queryset, self.get_page_size(request))
        if number > paginator.num_pages:
            self.page = Page([], number, paginator)  # past the end: nothing more, and the count says why
        else:
            self.page = paginator.page(number)
        return list(self.page)

    def get_previous_link(self) -> str | None:
        last = self.page.paginator.num_pages
        if self.page.number <= last:
            return super().get_previous_link()
        url = self.request.build_absolute_uri()  # past the end: "previous" is the last page there is
        return (
            replace_query_param(url, self.page_query_param, last)
            if last > 1
            else remove_query_param(url, self.page_query_param)
        )

    def get_schema_operation_parameters(self, view) -> list[dict]:
        """The limits above, in the schema too: a client reads there that page 0 is refused."""
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1}
            elif parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": self.max_page_size}
        return parameters
