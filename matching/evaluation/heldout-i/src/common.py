# place coordinates (approximate WGS84) used by the hand-written postings/profiles
C = {
 '凯里': (26.5834, 107.9812), '凯里开发区': (26.5560, 107.9520), '炉山': (26.6930, 107.8850),
 '鸭塘': (26.6170, 108.0200), '三棵树': (26.5400, 108.0660), '旁海': (26.7020, 108.1050),
 '舟溪': (26.4560, 108.0550), '洗马河': (26.5720, 107.9700), '白午': (26.6010, 108.0010),
 '黄平': (26.9050, 107.9170), '施秉': (27.0330, 108.1240), '三穗': (26.9520, 108.6760),
 '镇远': (27.0490, 108.4290), '岑巩': (27.1740, 108.8160), '天柱': (26.9090, 109.2070),
 '锦屏': (26.6760, 109.2000), '剑河': (26.7280, 108.4410), '台江': (26.6670, 108.3210),
 '黎平': (26.2310, 109.1360), '榕江': (25.9310, 108.5210), '从江': (25.7530, 108.9050),
 '雷山': (26.3780, 108.0780), '麻江': (26.4910, 107.5930), '丹寨': (26.1980, 107.7890),
 '西江': (26.4970, 108.1720), '肇兴': (25.8300, 109.1700), '宣威': (26.4300, 107.6600),
 '重安': (26.8480, 107.8720), '贵阳': (26.6470, 106.6300), '都匀': (26.2590, 107.5180),
 '东莞': (23.0210, 113.7520), '深圳': (22.5430, 114.0580), '广州': (23.1290, 113.2640),
 '佛山': (23.0220, 113.1220), '中山': (22.5170, 113.3930), '惠州': (23.1120, 114.4160),
 '珠海': (22.2710, 113.5770), '江门': (22.5790, 113.0820), '宁波': (29.8680, 121.5440),
 '杭州': (30.2740, 120.1550), '温州': (27.9940, 120.6990), '义乌': (29.3060, 120.0750),
 '嘉兴': (30.7460, 120.7550), '绍兴': (29.9980, 120.5860), '苏州': (31.2990, 120.5850),
 '昆山': (31.3850, 120.9810), '无锡': (31.4910, 120.3120), '常州': (31.8110, 119.9740),
 '南京': (32.0600, 118.7970), '上海': (31.2300, 121.4740), '松江': (31.0320, 121.2280),
 '厦门': (24.4800, 118.0890), '泉州': (24.8740, 118.6760), '福州': (26.0740, 119.2970),
 '晋江': (24.7810, 118.5520), '阿克苏': (41.1680, 80.2600), '长沙': (28.2280, 112.9390),
 '重庆': (29.5630, 106.5510), '昆明': (25.0400, 102.7120), '遵义': (27.7250, 106.9270),
}
POSTINGS = []
def P(id, title, desc, employer, jt, city, district, place, smin, smax, unit, hc, req, ben, tags):
    if place is None:
        lat = lng = None
    elif isinstance(place, tuple):
        lat, lng = place
    else:
        lat, lng = C[place]
    POSTINGS.append(dict(id=id, title=title, description=desc, employer=employer, job_type=jt,
        city=city, district=district, lat=lat, lng=lng, salary_min=smin, salary_max=smax,
        salary_unit=unit, headcount=hc, requirements=req, benefits=ben, _tags=tags))
PROFILES = []
def U(id, self_description, skills, certificates, desired_occupations, desired_cities, place,
      sal, unit, edu, age, groups, avail, classes, note=''):
    if place is None:
        lat = lng = None
    elif isinstance(place, tuple):
        lat, lng = place
    else:
        lat, lng = C[place]
    PROFILES.append(dict(id=id, self_description=self_description, skills=skills,
        certificates=certificates, desired_occupations=desired_occupations,
        desired_cities=desired_cities, lat=lat, lng=lng, expected_salary_min=sal,
        expected_salary_unit=unit, education=edu, age=age, groups=groups,
        availability=avail, classes=classes, _note=note))
