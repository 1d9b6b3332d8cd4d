"""The gig market's models, moved here from the marketplace app with their tables as they are.

State only: every table, index and constraint already exists under its old name. The content
types follow the models (admin history and permissions keep pointing at the same rows).
"""

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


MOVED = [
    "boardevent",
    "boardsequence",
    "gig",
    "gigclaim",
    "gigclaimtransition",
    "gigrating",
    "gigsettlement",
    "wagecomplaint",
    "wagecomplaintstep",
    "workeravailability",
]


def _relabel(apps, source: str, target: str) -> None:
    content_type = apps.get_model("contenttypes", "ContentType")
    # A type Django already made under the new label (a database migrated before this ran) gives way.
    content_type.objects.filter(app_label=target, model__in=MOVED).delete()
    content_type.objects.filter(app_label=source, model__in=MOVED).update(app_label=target)


def move_content_types(apps, schema_editor) -> None:
    _relabel(apps, "marketplace", "livestream")


def move_content_types_back(apps, schema_editor) -> None:
    _relabel(apps, "livestream", "marketplace")


class Migration(migrations.Migration):

    dependencies = [
        ('livestream', '0002_live_rooms'),
        ('marketplace', '0007_gigs_to_livestream'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables, their rows, indexes and constraints stay exactly as they are.
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='BoardSequence',
                    fields=[
                        ('area', models.CharField(max_length=32, primary_key=True, serialize=False)),
                        ('last_seq', models.PositiveBigIntegerField(default=0)),
                    ],
                    options={
                        'db_table': 'marketplace_boardsequence',
                    },
                ),
                migrations.CreateModel(
                    name='Gig',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=80, verbose_name='活儿')),
                        ('description', models.TextField(blank=True, verbose_name='说明')),
                        ('county', models.CharField(max_length=30, verbose_name='县市')),
                        ('town', models.CharField(blank=True, max_length=30, verbose_name='乡镇/街道')),
                        ('area', models.CharField(db_index=True, editable=False, max_length=32)),
                        ('lat', models.FloatField(blank=True, null=True, verbose_name='纬度')),
                        ('lon', models.FloatField(blank=True, null=True, verbose_name='经度')),
                        ('work_date', models.DateField(verbose_name='日期')),
                        ('start_time', models.TimeField(verbose_name='开工时间')),
                        ('end_time', models.TimeField(verbose_name='收工时间')),
                        ('pay', models.PositiveIntegerField(verbose_name='报酬')),
                        ('pay_unit', models.CharField(choices=[('month', '元/月'), ('day', '元/天'), ('hour', '元/小时'), ('piece', '元/件')], default='day', max_length=10, verbose_name='计酬方式')),
                        ('places', models.PositiveIntegerField(verbose_name='人数')),
                        ('places_left', models.PositiveIntegerField(verbose_name='剩余名额')),
                        ('skills', models.JSONField(blank=True, default=list, verbose_name='需要的技能')),
                        ('certificates_required', models.JSONField(blank=True, default=list, verbose_name='需要的证书')),
                        ('meeting_point', models.CharField(blank=True, max_length=200, verbose_name='集合地点')),
                        ('status', models.CharField(choices=[('open', '报名中'), ('full', '已满员'), ('cancelled', '已取消'), ('done', '已完工')], default='open', max_length=10, verbose_name='状态')),
                        ('priority_groups', models.JSONField(blank=True, default=list, verbose_name='优先群体')),
                        ('priority_until', models.DateTimeField(blank=True, null=True, verbose_name='优先报名截止')),
                        ('priority_radius_km', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='附近优先（公里）')),
                        ('checkin_token', models.CharField(blank=True, editable=False, max_length=32)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('employer', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='gigs', to='marketplace.employer')),
                        ('occupation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='gigs', to='marketplace.occupation')),
                        ('posted_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='gigs_posted', to=settings.AUTH_USER_MODEL)),
                        ('station', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='gigs', to='marketplace.cooperationstation')),
                    ],
                    options={
                        'verbose_name': '零工',
                        'verbose_name_plural': '零工',
                        'db_table': 'marketplace_gig',
                        'ordering': ['work_date', 'start_time', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='BoardEvent',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('area', models.CharField(max_length=32)),
                        ('seq', models.PositiveBigIntegerField()),
                        ('kind', models.CharField(choices=[('gig_posted', '新零工'), ('places_changed', '名额变化'), ('gig_state', '状态变化')], max_length=20)),
                        ('payload', models.JSONField(default=dict)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('gig', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='board_events', to='livestream.gig')),
                    ],
                    options={
                        'db_table': 'marketplace_boardevent',
                        'ordering': ['area', 'seq'],
                    },
                ),
                migrations.CreateModel(
                    name='GigClaim',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('status', models.CharField(choices=[('claimed', '已抢到'), ('cancelled', '本人已取消'), ('released', '发布方已释放'), ('confirmed', '已确认'), ('checked_in', '已签到'), ('checked_out', '已完工'), ('no_show', '未到岗')], default='claimed', max_length=12, verbose_name='状态')),
                        ('confirmed_at', models.DateTimeField(blank=True, null=True, verbose_name='确认时间')),
                        ('checked_in_at', models.DateTimeField(blank=True, null=True, verbose_name='签到时间')),
                        ('check_in_method', models.CharField(blank=True, choices=[('qr', '扫码签到'), ('location', '定位签到'), ('poster', '发布方代签')], max_length=10, verbose_name='签到方式')),
                        ('check_in_distance_m', models.PositiveIntegerField(blank=True, null=True, verbose_name='签到距离（米）')),
                        ('checked_out_at', models.DateTimeField(blank=True, null=True, verbose_name='完工时间')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('gig', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='claims', to='livestream.gig')),
                        ('profile', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='gig_claims', to='marketplace.workerprofile')),
                    ],
                    options={
                        'verbose_name': '零工报名',
                        'verbose_name_plural': '零工报名',
                        'db_table': 'marketplace_gigclaim',
                        'ordering': ['created_at', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='GigClaimTransition',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('from_status', models.CharField(blank=True, choices=[('claimed', '已抢到'), ('cancelled', '本人已取消'), ('released', '发布方已释放'), ('confirmed', '已确认'), ('checked_in', '已签到'), ('checked_out', '已完工'), ('no_show', '未到岗')], max_length=12)),
                        ('to_status', models.CharField(choices=[('claimed', '已抢到'), ('cancelled', '本人已取消'), ('released', '发布方已释放'), ('confirmed', '已确认'), ('checked_in', '已签到'), ('checked_out', '已完工'), ('no_show', '未到岗')], max_length=12)),
                        ('note', models.CharField(blank=True, max_length=200)),
                        ('at', models.DateTimeField(auto_now_add=True)),
                        ('by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('claim', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='transitions', to='livestream.gigclaim')),
                    ],
                    options={
                        'db_table': 'marketplace_gigclaimtransition',
                        'ordering': ['at', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='GigRating',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('side', models.CharField(choices=[('of_poster', '务工人员评价发布方'), ('of_worker', '发布方评价务工人员')], max_length=10)),
                        ('stars', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)], verbose_name='星级')),
                        ('comment', models.CharField(blank=True, max_length=200, verbose_name='评价')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('claim', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='ratings', to='livestream.gigclaim')),
                    ],
                    options={
                        'verbose_name': '零工评价',
                        'verbose_name_plural': '零工评价',
                        'db_table': 'marketplace_gigrating',
                        'ordering': ['-created_at', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='GigSettlement',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('pay_unit', models.CharField(choices=[('month', '元/月'), ('day', '元/天'), ('hour', '元/小时'), ('piece', '元/件')], max_length=10, verbose_name='计酬方式')),
                        ('rate', models.PositiveIntegerField(verbose_name='单价')),
                        ('hours', models.DecimalField(decimal_places=2, max_digits=5, verbose_name='工时（小时）')),
                        ('pieces', models.PositiveIntegerField(blank=True, null=True, verbose_name='件数')),
                        ('amount', models.DecimalField(blank=True, decimal_places=2, max_digits=10, null=True, verbose_name='应付金额（元）')),
                        ('status', models.CharField(choices=[('unpaid', '未付款'), ('paid', '已付款')], default='unpaid', max_length=10, verbose_name='付款状态')),
                        ('paid_at', models.DateTimeField(blank=True, null=True, verbose_name='付款时间')),
                        ('received_at', models.DateTimeField(blank=True, null=True, verbose_name='确认收款时间')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('claim', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='settlement', to='livestream.gigclaim')),
                        ('paid_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': '零工结算',
                        'verbose_name_plural': '零工结算',
                        'db_table': 'marketplace_gigsettlement',
                        'ordering': ['-created_at', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='WageComplaint',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('amount_claimed', models.DecimalField(decimal_places=2, max_digits=10, verbose_name='主张金额（元）')),
                        ('description', models.TextField(max_length=1000, verbose_name='情况说明')),
                        ('status', models.CharField(choices=[('open', '待受理'), ('handling', '处理中'), ('resolved', '已办结')], default='open', max_length=10, verbose_name='状态')),
                        ('note', models.CharField(blank=True, max_length=500, verbose_name='处理意见')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('resolved_at', models.DateTimeField(blank=True, null=True, verbose_name='办结时间')),
                        ('claim', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='complaints', to='livestream.gigclaim')),
                        ('handled_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('settlement', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='complaints', to='livestream.gigsettlement')),
                    ],
                    options={
                        'verbose_name': '欠薪投诉',
                        'verbose_name_plural': '欠薪投诉',
                        'db_table': 'marketplace_wagecomplaint',
                        'ordering': ['-created_at', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='WageComplaintStep',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('from_status', models.CharField(blank=True, choices=[('open', '待受理'), ('handling', '处理中'), ('resolved', '已办结')], max_length=10)),
                        ('to_status', models.CharField(choices=[('open', '待受理'), ('handling', '处理中'), ('resolved', '已办结')], max_length=10)),
                        ('note', models.CharField(blank=True, max_length=500)),
                        ('at', models.DateTimeField(auto_now_add=True)),
                        ('by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('complaint', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='steps', to='livestream.wagecomplaint')),
                    ],
                    options={
                        'db_table': 'marketplace_wagecomplaintstep',
                        'ordering': ['at', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='WorkerAvailability',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('day', models.DateField()),
                        ('county', models.CharField(max_length=30, verbose_name='县市')),
                        ('town', models.CharField(blank=True, max_length=30, verbose_name='乡镇/街道')),
                        ('area', models.CharField(db_index=True, editable=False, max_length=32)),
                        ('lat', models.FloatField(blank=True, null=True, verbose_name='纬度')),
                        ('lon', models.FloatField(blank=True, null=True, verbose_name='经度')),
                        ('note', models.CharField(blank=True, max_length=100, verbose_name='备注')),
                        ('expires_at', models.DateTimeField()),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('families', models.ManyToManyField(blank=True, related_name='+', to='marketplace.occupationfamily')),
                        ('profile', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='gig_availability', to='marketplace.workerprofile')),
                    ],
                    options={
                        'verbose_name': '今天可接活',
                        'verbose_name_plural': '今天可接活',
                        'db_table': 'marketplace_workeravailability',
                        'ordering': ['-day', '-id'],
                    },
                ),
                migrations.AddIndex(
                    model_name='gig',
                    index=models.Index(fields=['area', 'status', 'work_date'], name='marketplace_area_94c56f_idx'),
                ),
                migrations.AddConstraint(
                    model_name='gig',
                    constraint=models.CheckConstraint(condition=models.Q(('places__gte', 1), ('places_left__gte', 0), ('places_left__lte', models.F('places'))), name='gig_places_left_in_range'),
                ),
                migrations.AddConstraint(
                    model_name='gig',
                    constraint=models.CheckConstraint(condition=models.Q(('employer__isnull', True), ('station__isnull', True), _connector='OR'), name='gig_one_poster_organisation'),
                ),
                migrations.AddConstraint(
                    model_name='boardevent',
                    constraint=models.UniqueConstraint(fields=('area', 'seq'), name='board_event_seq_once'),
                ),
                migrations.AddConstraint(
                    model_name='gigclaim',
                    constraint=models.UniqueConstraint(condition=models.Q(('status__in', ['claimed', 'confirmed', 'checked_in'])), fields=('gig', 'profile'), name='gig_claim_once_active'),
                ),
                migrations.AddConstraint(
                    model_name='gigrating',
                    constraint=models.UniqueConstraint(fields=('claim', 'side'), name='gig_rating_once_per_side'),
                ),
                migrations.AddConstraint(
                    model_name='gigrating',
                    constraint=models.CheckConstraint(condition=models.Q(('stars__gte', 1), ('stars__lte', 5)), name='gig_rating_stars_1_to_5'),
                ),
                migrations.AddConstraint(
                    model_name='wagecomplaint',
                    constraint=models.UniqueConstraint(condition=models.Q(('status__in', ['open', 'handling'])), fields=('claim',), name='wage_complaint_one_under_way'),
                ),
                migrations.AddConstraint(
                    model_name='workeravailability',
                    constraint=models.UniqueConstraint(fields=('profile', 'day'), name='available_once_a_day'),
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back, elidable=True),
    ]
