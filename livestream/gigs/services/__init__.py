"""Every change of state in the gig market, one module per job: posting, claims, attendance (at
the site), settlements, ratings, complaints, availability (今天可接活); shared holds the locks."""
