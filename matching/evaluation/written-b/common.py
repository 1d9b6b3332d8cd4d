# Helpers shared by the hand-written data files of evalset written-b.
# P() only packs hand-written values into the posting format; the `_tags`
# string is a hidden hint for shortlist.py and is never written to the jsonl.
import math


def P(id, title, description, employer, job_type, city, district, lat, lng,
      salary_min, salary_max, salary_unit, headcount, requirements, benefits, _tags):
    return {
        "id": id, "title": title, "description": description, "employer": employer,
        "job_type": job_type, "city": city, "district": district,
        "lat": lat, "lng": lng,
        "salary_min": salary_min, "salary_max": salary_max, "salary_unit": salary_unit,
        "headcount": headcount, "requirements": requirements, "benefits": benefits,
        "_tags": _tags,
    }


def km(lat1, lng1, lat2, lng2):
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lng2 - lng1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))
