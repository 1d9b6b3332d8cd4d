# Shared registry for hand-written postings. J() only stores what was typed; no text is generated.
POSTINGS = []
SOURCE = {}

def J(pid, source, title, description, employer, job_type, city, district, lat, lng,
      salary_min, salary_max, salary_unit, headcount, requirements, benefits):
    POSTINGS.append(dict(id=pid, title=title, description=description, employer=employer,
                         job_type=job_type, city=city, district=district, lat=lat, lng=lng,
                         salary_min=salary_min, salary_max=salary_max, salary_unit=salary_unit,
                         headcount=headcount, requirements=requirements, benefits=list(benefits)))
    SOURCE[pid] = source
