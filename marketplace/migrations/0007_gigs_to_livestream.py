"""The gig market's models move to livestream.gigs: only Django's record of them leaves this app.

The tables keep their names (`Meta.db_table` on the moved models), so no row is copied or
dropped; livestream's 0003_gigs_from_marketplace takes the same models up in its state.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('marketplace', '0006_gig_site'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables, their rows, indexes and constraints stay exactly as they are.
            database_operations=[],
            state_operations=[
                migrations.RemoveField(
                    model_name='boardevent',
                    name='gig',
                ),
                migrations.DeleteModel(
                    name='BoardSequence',
                ),
                migrations.RemoveField(
                    model_name='gig',
                    name='employer',
                ),
                migrations.RemoveField(
                    model_name='gig',
                    name='occupation',
                ),
                migrations.RemoveField(
                    model_name='gig',
                    name='posted_by',
                ),
                migrations.RemoveField(
                    model_name='gig',
                    name='station',
                ),
                migrations.RemoveField(
                    model_name='gigclaim',
                    name='gig',
                ),
                migrations.RemoveField(
                    model_name='gigclaim',
                    name='profile',
                ),
                migrations.RemoveField(
                    model_name='gigclaimtransition',
                    name='claim',
                ),
                migrations.RemoveField(
                    model_name='gigrating',
                    name='claim',
                ),
                migrations.RemoveField(
                    model_name='wagecomplaint',
                    name='claim',
                ),
                migrations.RemoveField(
                    model_name='gigsettlement',
                    name='claim',
                ),
                migrations.RemoveField(
                    model_name='gigclaimtransition',
                    name='by',
                ),
                migrations.RemoveField(
                    model_name='gigrating',
                    name='by',
                ),
                migrations.RemoveField(
                    model_name='gigsettlement',
                    name='paid_by',
                ),
                migrations.RemoveField(
                    model_name='wagecomplaint',
                    name='settlement',
                ),
                migrations.RemoveField(
                    model_name='wagecomplaint',
                    name='handled_by',
                ),
                migrations.RemoveField(
                    model_name='wagecomplaintstep',
                    name='complaint',
                ),
                migrations.RemoveField(
                    model_name='wagecomplaintstep',
                    name='by',
                ),
                migrations.RemoveField(
                    model_name='workeravailability',
                    name='families',
                ),
                migrations.RemoveField(
                    model_name='workeravailability',
                    name='profile',
                ),
                migrations.DeleteModel(
                    name='BoardEvent',
                ),
                migrations.DeleteModel(
                    name='Gig',
                ),
                migrations.DeleteModel(
                    name='GigClaim',
                ),
                migrations.DeleteModel(
                    name='GigClaimTransition',
                ),
                migrations.DeleteModel(
                    name='GigRating',
                ),
                migrations.DeleteModel(
                    name='GigSettlement',
                ),
                migrations.DeleteModel(
                    name='WageComplaint',
                ),
                migrations.DeleteModel(
                    name='WageComplaintStep',
                ),
                migrations.DeleteModel(
                    name='WorkerAvailability',
                ),
            ],
        ),
    ]
