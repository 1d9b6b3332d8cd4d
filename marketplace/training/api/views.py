"""职业技能培训 at /api/training/ (bureau staff)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.mixins import ListModelMixin
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from marketplace.api.bodies import validated_body
from marketplace.api.openapi import errors
from marketplace.models import TrainingCourse, TrainingEnrolment
from marketplace.permissions import require
from marketplace.places import COUNTY_BY_NAME
from marketplace.training import services
from marketplace.training.enums import CourseKind, EnrolmentStatus

TAGS = ["职业技能培训"]
COUNTIES = [(c, c) for c in COUNTY_BY_NAME]


class CourseSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=CourseKind.choices, default=CourseKind.SKILL)
    county = serializers.ChoiceField(choices=COUNTIES)
    enrolled = serializers.IntegerField(source="enrolments.count", read_only=True)

    class Meta:
        model = TrainingCourse
        fields = ["id", "name", "kind", "provider", "county", "starts_on", "ends_on", "certificate", "enrolled"]
        read_only_fields = ["id", "enrolled"]


class EnrolSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=30)
    phone = serializers.CharField(max_length=20)
    home_county = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")
    status = serializers.ChoiceField(choices=EnrolmentStatus.choices, default=EnrolmentStatus.ENROLLED)
    completed_on = serializers.DateField(required=False, allow_null=True, default=None)
    certificate_number = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")


class EnrolmentSerializer(serializers.ModelSerializer):
    phone = serializers.CharField(source="masked_phone", read_only=True)

    class Meta:
        model = TrainingEnrolment
        fields = ["id", "name", "phone", "home_county", "status", "completed_on", "certificate_number"]
        read_only_fields = fields


class CourseListView(ListModelMixin, GenericAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = CourseSerializer

    def get_queryset(self) -> QuerySet[TrainingCourse]:
        return TrainingCourse.objects.order_by("-starts_on", "-id")

    @extend_schema(tags=TAGS, summary="培训班", responses={200: CourseSerializer(many=True), **errors(400, 401, 403)})
    def get(self, request: Request) -> Response:
        require(request.user, "record.manage")
        return self.list(request)

    @extend_schema(tags=TAGS, summary="新建培训班", request=CourseSerializer,
                   responses={201: CourseSerializer, **errors(400, 401, 403)})  # fmt: skip
    def post(self, request: Request) -> Response:
        require(request.user, "record.manage")
        data = validated_body(CourseSerializer, request)
        course = services.course_create(by=request.user, **data)
        return Response(CourseSerializer(course).data, status=status.HTTP_201_CREATED)


class EnrolView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, summary="登记学员", description="结业的学员计入培训人次；证书记入学员档案。",
                   request=EnrolSerializer,
                   responses={201: EnrolmentSerializer, **errors(400, 401, 403, 404)})  # fmt: skip
    def post(self, request: Request, pk: int) -> Response:
        require(request.user, "record.manage")
        course = TrainingCourse.objects.filter(pk=pk).first()
        if course is None:
            raise Http404
        enrolment = services.enrol(by=request.user, course=course, **validated_body(EnrolSerializer, request))
        return Response(EnrolmentSerializer(enrolment).data, status=status.HTTP_201_CREATED)
