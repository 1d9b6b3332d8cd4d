# -*- coding: utf-8 -*-
import post_kaili, post_counties, post_out
FIELDS = ["key", "city", "district", "lat", "lng", "job_type", "salary_min", "salary_max",
          "salary_unit", "headcount", "employer", "title", "description", "requirements", "benefits"]
def load_postings():
    rows = post_kaili.ROWS + post_counties.ROWS + post_out.ROWS
    out = []
    for i, r in enumerate(rows, 1):
        assert len(r) == len(FIELDS), r[0]
        d = dict(zip(FIELDS, r))
        d["id"] = "G%03d" % i
        out.append(d)
    return out
