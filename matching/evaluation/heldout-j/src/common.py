"""Tiny helper so each hand-written posting is one call.  No text is generated here."""


def P(key, title, description, employer, job_type, city, district, place,
      salary_min, salary_max, salary_unit, headcount, requirements, benefits):
    return {
        "key": key,
        "title": title,
        "description": description,
        "employer": employer,
        "job_type": job_type,
        "city": city,
        "district": district,
        "place": place,          # key into places.PLACES, or None -> lat/lng null
        "salary_min": salary_min,
        "salary_max": salary_max,
        "salary_unit": salary_unit,
        "headcount": headcount,
        "requirements": requirements,
        "benefits": benefits,
    }
