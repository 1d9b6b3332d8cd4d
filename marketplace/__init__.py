"""People, employers, occupations, job postings, profiles and applications."""
