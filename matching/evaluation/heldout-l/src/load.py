import common
import postings_a, postings_b, postings_c, postings_d  # noqa: F401  (registering postings)
from profiles_data import PROFILES
POSTINGS = common.POSTINGS
SOURCE = common.SOURCE
