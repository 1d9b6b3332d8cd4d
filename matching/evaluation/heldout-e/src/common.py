from places import PLACES

def P(pid, title, description, employer, job_type, place, smin, smax, unit, headcount, requirements, benefits):
    if place not in PLACES:
        raise KeyError("unknown place %s in %s" % (place, pid))
    lat, lng = PLACES[place]
    city, _, district = place.partition("/")
    return {
        "id": pid, "title": title, "description": description, "employer": employer,
        "job_type": job_type, "city": city, "district": district,
        "lat": lat, "lng": lng, "salary_min": smin, "salary_max": smax,
        "salary_unit": unit, "headcount": headcount, "requirements": requirements,
        "benefits": list(benefits),
    }
