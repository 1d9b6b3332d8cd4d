"""The gig market at the site over HTTP: the same actions as the pages, in the API's error shape."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from livestream.gigs import selectors as reads
from livestream.gigs.api.serializers import GigSerializer
from livestream.gigs.api.site_serializers import (
    CheckInCodeSerializer,
    CheckOutSerializer,
    ClaimerSerializer,
    ClaimNoteSerializer,
    ComplaintAdvanceSerializer,
    ComplaintOpenSerializer,
    ComplaintSerializer,
    GigCheckInSerializer,
    GigDetailSerializer,
    MyGigsQuerySerializer,
    PiecesSerializer,
    RatingOutSerializer,
    RatingSerializer,
    SettlementSerializer,
    SiteClaimSerializer,
    SitePositionSerializer,
    rating_summary,
)
from livestream.gigs.models import Gig, GigClaim, GigSettlement, WageComplaint
from livestream.gigs.rules import require
from livestream.gigs.services import attendance as site
from livestream.gigs.services.complaints import gig_complaint_advance, gig_complaint_open
from livestream.gigs.services.ratings import gig_rate
from livestream.gigs.services.settlements import (
    settlement_confirm_received,
    settlement_mark_paid,
    settlement_set_pieces,
)
from marketplace.api.openapi import errors
from marketplace.permissions import personal_numbers

TAGS = ["零工市场 · 现场"]


def _claims() -> QuerySet[GigClaim]:
    return GigClaim.objects.select_related("gig", "gig__employer", "gig__station", "profile", "settlement")


def _claim_out(claim: GigClaim, http_status: int = status.HTTP_200_OK) -> Response:
    return Response(SiteClaimSerializer(_claims().get(pk=claim.pk)).data, status=http_status)


def _valid(serializer_class, request: Request) -> dict[str, Any]:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


class GigDetailView(APIView):
    permission_classes = [IsAuthenticatedOrReadOnly]

    @extend_schema(tags=TAGS, summary="零工详情（含发布方评价）", responses={200: GigDetailSerializer, **errors(404)})
    def get(self, request: Request, pk: int) -> Response:
        gig = get_object_or_404(Gig.objects.select_related("employer", "station"), pk=pk)
        return Response(GigDetailSerializer(gig).data)


class GigsMineView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS, summary="我发布的零工（发布方）", responses={200: GigSerializer(many=True), **errors(401)}
    )
    def get(self, request: Request) -> Response:
        gigs = reads.gigs_of_poster(user=request.user)[:100]
        return Response(GigSerializer(gigs, many=True).data)


class GigClaimersView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="报名人员与签到情况（发布方）",
        description="手机号对发布方显示为掩码；协作站看本站组织的务工人员、人社局可看完整号码。",
        responses={200: ClaimerSerializer(many=True), **errors(401, 403, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        gig = get_object_or_404(Gig.objects.select_related("employer", "station"), pk=pk)
        require(request.user, "gig.manage", gig)
        claims = reads.claims_for_management(gig)
        profiles = [c.profile for c in claims]
        no_shows = reads.no_show_counts(profiles)
        ratings = reads.worker_ratings(profiles)
        rows = []
        for claim in claims:
            claim.gig = gig
            rows.append(
                {
                    "claim": claim,
                    "name": claim.profile.name,
                    "phone": personal_numbers(request.user, claim.profile).phone,
                    "no_shows": no_shows.get(claim.profile_id, 0),
                    "rating": rating_summary(ratings.get(claim.profile_id, (None, 0))),
                }
            )
        return Response(ClaimerSerializer(rows, many=True).data)


class GigCheckInCodeView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="签到二维码地址（发布方、工作人员）",
        responses={200: CheckInCodeSerializer, **errors(401, 403, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        gig = get_object_or_404(Gig.objects.select_related("employer", "station"), pk=pk)
        url = request.build_absolute_uri(site.gig_checkin_path(by=request.user, gig=gig))
        png = request.build_absolute_uri(reverse("frontend:gig_checkin_qr", args=[gig.pk]))
        return Response({"url": url, "png": png})


class GigSiteView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="设置工作地点位置（发布方，用于定位签到）",
        request=SitePositionSerializer,
        responses={200: GigSerializer, **errors(400, 401, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        gig = get_object_or_404(Gig, pk=pk)
        data = _valid(SitePositionSerializer, request)
        return Response(GigSerializer(site.gig_set_site(by=request.user, gig=gig, **data)).data)


class GigCheckInView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="到场签到（求职者）",
        description=(
            "带二维码里的 `token`，或当前位置 `lat`/`lon`（工作地点半径内）。开工前60分钟到收工可签到；"
            "重复签到返回同一条报名。"
        ),
        request=GigCheckInSerializer,
        responses={200: SiteClaimSerializer, **errors(400, 401, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        gig = get_object_or_404(Gig, pk=pk)
        data = _valid(GigCheckInSerializer, request)
        if "token" in data:
            claim = site.gig_check_in(by=request.user, gig=gig, token=data["token"])
        else:
            claim = site.gig_check_in(by=request.user, gig=gig, lat=data["lat"], lon=data["lon"])
        return _claim_out(claim)


class MyGigClaimsView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="我的零工（求职者）",
        parameters=[MyGigsQuerySerializer],
        responses={200: SiteClaimSerializer(many=True), **errors(400, 401)},
    )
    def get(self, request: Request) -> Response:
        query = MyGigsQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        tab = query.validated_data["tab"]
        return Response(SiteClaimSerializer(reads.claims_of_worker(user=request.user, tab=tab), many=True).data)


class _ClaimActionView(APIView):
    """POST on one claim: look it up, call the service, answer with the claim."""

    permission_classes = [IsAuthenticated]

    def act(self, request: Request, claim: GigClaim) -> GigClaim:
        raise NotImplementedError

    def post(self, request: Request, pk: int) -> Response:
        return _claim_out(self.act(request, get_object_or_404(GigClaim, pk=pk)))


_CLAIM_RESPONSES = {200: SiteClaimSerializer, **errors(400, 401, 403, 404, 409)}


class GigClaimConfirmView(_ClaimActionView):
    @extend_schema(tags=TAGS, summary="确认报名（发布方）", request=None, responses=_CLAIM_RESPONSES)
    def post(self, request: Request, pk: int) -> Response:
        return super().post(request, pk)

    def act(self, request: Request, claim: GigClaim) -> GigClaim:
        return site.gig_claim_confirm(by=request.user, claim=claim)


class GigClaimNoShowView(_ClaimActionView):
    @extend_schema(
        tags=TAGS, summary="记为未到岗（发布方，开工后）", request=ClaimNoteSerializer, responses=_CLAIM_RESPONSES
    )
    def post(self, request: Request, pk: int) -> Response:
        return super().post(request, pk)

    def act(self, request: Request, claim: GigClaim) -> GigClaim:
        return site.gig_claim_no_show(by=request.user, claim=claim, note=_valid(ClaimNoteSerializer, request)["note"])


class GigClaimCheckInForView(_ClaimActionView):
    @extend_schema(tags=TAGS, summary="代为签到（发布方）", request=None, responses=_CLAIM_RESPONSES)
    def post(self, request: Request, pk: int) -> Response:
        return super().post(request, pk)

    def act(self, request: Request, claim: GigClaim) -> GigClaim:
        return site.gig_check_in_for(by=request.user, claim=claim)


class GigClaimCheckOutView(_ClaimActionView):
    @extend_schema(
        tags=TAGS,
        summary="签退并生成结算（求职者或发布方）",
        description="计件零工的件数由发布方填写（签退时或之后）。",
        request=CheckOutSerializer,
        responses=_CLAIM_RESPONSES,
    )
    def post(self, request: Request, pk: int) -> Response:
        return super().post(request, pk)

    def act(self, request: Request, claim: GigClaim) -> GigClaim:
        pieces = _valid(CheckOutSerializer, request).get("pieces")
        return site.gig_check_out(by=request.user, claim=claim, pieces=pieces)


class GigClaimRatingView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="评价对方（完工或未到岗后，每方一次）",
        request=RatingSerializer,
        responses={201: RatingOutSerializer, **errors(400, 401, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        claim = get_object_or_404(GigClaim, pk=pk)
        data = _valid(RatingSerializer, request)
        rating = gig_rate(by=request.user, claim=claim, stars=data["stars"], comment=data["comment"])
        return Response(RatingOutSerializer(rating).data, status=status.HTTP_201_CREATED)


class GigClaimComplaintView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="欠薪投诉（求职者）",
        request=ComplaintOpenSerializer,
        responses={201: ComplaintSerializer, **errors(400, 401, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        claim = get_object_or_404(GigClaim, pk=pk)
        data = _valid(ComplaintOpenSerializer, request)
        complaint = gig_complaint_open(by=request.user, claim=claim, **data)
        return Response(ComplaintSerializer(complaint).data, status=status.HTTP_201_CREATED)


class SettlementActionView(APIView):
    permission_classes = [IsAuthenticated]
    action = ""

    @extend_schema(tags=TAGS, request=None, responses={200: SettlementSerializer, **errors(400, 401, 403, 404, 409)})
    def post(self, request: Request, pk: int) -> Response:
        settlement = get_object_or_404(GigSettlement, pk=pk)
        if self.action == "pieces":
            pieces = _valid(PiecesSerializer, request)["pieces"]
            settlement = settlement_set_pieces(by=request.user, settlement=settlement, pieces=pieces)
        elif self.action == "paid":
            settlement = settlement_mark_paid(by=request.user, settlement=settlement)
        else:
            settlement = settlement_confirm_received(by=request.user, settlement=settlement)
        return Response(SettlementSerializer(settlement).data)


class SettlementPiecesView(SettlementActionView):
    action = "pieces"

    @extend_schema(
        tags=TAGS,
        summary="填写件数（发布方，计件零工）",
        request=PiecesSerializer,
        responses={200: SettlementSerializer, **errors(400, 401, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        return super().post(request, pk)


class SettlementPaidView(SettlementActionView):
    action = "paid"

    @extend_schema(tags=TAGS, summary="标记已付款（发布方）", request=None,
                   responses={200: SettlementSerializer, **errors(401, 403, 404, 409)})  # fmt: skip
    def post(self, request: Request, pk: int) -> Response:
        return super().post(request, pk)


class SettlementReceivedView(SettlementActionView):
    action = "received"

    @extend_schema(tags=TAGS, summary="确认收到工钱（求职者）", request=None,
                   responses={200: SettlementSerializer, **errors(401, 403, 404, 409)})  # fmt: skip
    def post(self, request: Request, pk: int) -> Response:
        return super().post(request, pk)


class ComplaintListView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="欠薪投诉列表",
        description="人社局看全部，协作站看与本站合作单位或本站务工人员有关的投诉，求职者看自己的。",
        parameters=[OpenApiParameter("status", str, enum=["open", "handling", "resolved"], required=False)],
        responses={200: ComplaintSerializer(many=True), **errors(401)},
    )
    def get(self, request: Request) -> Response:
        user = request.user
        if user.is_seeker:
            rows = WageComplaint.objects.filter(claim__profile__user=user).select_related("claim", "claim__gig")
        else:
            rows = reads.complaints_for_staff(user=user, status=request.query_params.get("status", ""))
        return Response(ComplaintSerializer(rows, many=True).data)


class ComplaintDetailView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="欠薪投诉详情",
        description="投诉人本人与负责处理的工作人员可以查看。",
        responses={200: ComplaintSerializer, **errors(401, 403, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        complaint = get_object_or_404(
            WageComplaint.objects.select_related("claim", "claim__gig", "claim__gig__employer", "claim__profile"), pk=pk
        )
        require(request.user, "gig.complaint_view", complaint)
        return Response(ComplaintSerializer(complaint).data)


class ComplaintAdvanceView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="受理或办结投诉（工作人员）",
        request=ComplaintAdvanceSerializer,
        responses={200: ComplaintSerializer, **errors(400, 401, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        complaint = get_object_or_404(WageComplaint, pk=pk)
        data = _valid(ComplaintAdvanceSerializer, request)
        complaint = gig_complaint_advance(by=request.user, complaint=complaint, to=data["to"], note=data["note"])
        return Response(ComplaintSerializer(complaint).data)
