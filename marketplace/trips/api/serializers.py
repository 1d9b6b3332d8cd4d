"""返岗直通车 as the API shows and accepts it."""

from __future__ import annotations

from rest_framework import serializers

from marketplace.api.fields import ChoiceLabelField
from marketplace.models import CooperationStation, JobPosting, Seat, Trip, WorkerProfile
from marketplace.privacy import mask_phone
from marketplace.trips import selectors
from marketplace.trips.services import boarding_token


class PickupPointSerializer(serializers.Serializer):
    place = serializers.CharField(max_length=60)
    time = serializers.CharField(max_length=10, required=False, allow_blank=True, default="")


class VehicleSerializer(serializers.Serializer):
    plate = serializers.CharField(max_length=20)
    seats = serializers.IntegerField(min_value=1, max_value=99)


class TripSerializer(serializers.ModelSerializer):
    status_label = ChoiceLabelField("status")
    station_name = serializers.CharField(source="station.name", read_only=True)
    destination = serializers.CharField(source="station.city", read_only=True)
    seats_left = serializers.SerializerMethodField()
    waiting = serializers.IntegerField(read_only=True)
    pickup_points = PickupPointSerializer(many=True)
    vehicles = VehicleSerializer(many=True)

    class Meta:
        model = Trip
        fields = ["id", "title", "station", "station_name", "home_county", "destination", "departs_at",
                  "signup_deadline", "seats", "seats_left", "waiting", "pickup_points", "vehicles", "postings",
                  "key_groups_first", "status", "status_label", "note"]  # fmt: skip
        read_only_fields = fields

    def get_seats_left(self, trip: Trip) -> int:
        return max(trip.seats - getattr(trip, "taken", 0), 0)


class MySeatSerializer(serializers.ModelSerializer):
    status_label = ChoiceLabelField("status")
    waitlist_position = serializers.SerializerMethodField()
    boarding_pass = serializers.SerializerMethodField(help_text="乘车码：座位确认后才有")

    class Meta:
        model = Seat
        fields = ["id", "number", "status", "status_label", "pickup_point", "waitlist_position", "boarding_pass",
                  "signed_up_at", "boarded_at", "arrived_at"]  # fmt: skip
        read_only_fields = fields

    def get_waitlist_position(self, seat: Seat) -> int | None:
        return selectors.waitlist_position(seat)

    def get_boarding_pass(self, seat: Seat) -> str:
        return boarding_token(seat) if seat.status in ("confirmed", "boarded") else ""


class TripDetailSerializer(TripSerializer):
    my_seat = serializers.SerializerMethodField()

    class Meta(TripSerializer.Meta):
        fields = [*TripSerializer.Meta.fields, "my_seat"]
        read_only_fields = fields

    def get_my_seat(self, trip: Trip) -> dict | None:
        request = self.context.get("request")
        seat = selectors.my_seat(request.user, trip) if request else None
        return MySeatSerializer(seat).data if seat else None


class RollCallSeatSerializer(serializers.ModelSerializer):
    """The escort's list: who, phone masked, where they board, key group, status."""

    name = serializers.CharField(source="profile.name", read_only=True)
    phone = serializers.SerializerMethodField()
    status_label = ChoiceLabelField("status")

    class Meta:
        model = Seat
        fields = ["id", "number", "name", "phone", "pickup_point", "key_group", "status", "status_label", "boarded_at"]
        read_only_fields = fields

    def get_phone(self, seat: Seat) -> str:
        return mask_phone(seat.profile.user.phone)


class TripCreateSerializer(serializers.Serializer):
    station = serializers.PrimaryKeyRelatedField(queryset=CooperationStation.objects.all(), required=False,
                                                 help_text="人社局必填；协作站默认本站")  # fmt: skip
    title = serializers.CharField(max_length=60)
    home_county = serializers.CharField(max_length=30)
    departs_at = serializers.DateTimeField()
    signup_deadline = serializers.DateTimeField()
    seats = serializers.IntegerField(min_value=1, max_value=999)
    pickup_points = PickupPointSerializer(many=True, allow_empty=False, max_length=20)
    vehicles = VehicleSerializer(many=True, required=False, default=list, max_length=20)
    postings = serializers.PrimaryKeyRelatedField(queryset=JobPosting.objects.all(), many=True, required=False,
                                                  default=list)  # fmt: skip
    key_groups_first = serializers.BooleanField(default=False)
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class SignUpSerializer(serializers.Serializer):
    pickup_point = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")
    profile = serializers.PrimaryKeyRelatedField(
        queryset=WorkerProfile.objects.all(), required=False, allow_null=True, help_text="协作站代本站务工人员报名时填"
    )


class TripCancelSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=200)


class BoardSerializer(serializers.Serializer):
    token = serializers.CharField(max_length=80, required=False, allow_blank=True, default="", help_text="扫乘车码所得")
    seat = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=2**31 - 1)
