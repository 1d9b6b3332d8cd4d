# Seekers. Public fields as the person typed them; hidden fields (leading _) are the
# judge's reading of the person: sex, home county, trade wishes (tag->3/2/1), refused tags,
# acceptable places (selector->score), distance bands, pay floor (monthly equivalent).
from common import PL, jitter

PROFILES = []


def S(uid, text, skills, certs, occ, cities, place, sal, unit, edu, age, groups, avail, classes,
      sex, home, want, pl, near=None, no=(), pay=0, dlat=0.0, dlng=0.0):
    lat, lng = PL[place][2], PL[place][3]
    PROFILES.append({
        "id": uid, "self_description": text, "skills": skills, "certificates": certs,
        "desired_occupations": occ, "desired_cities": cities,
        "lat": round(lat + dlat + jitter(uid, 3) / 2, 4), "lng": round(lng + dlng + jitter(uid, 4) / 2, 4),
        "expected_salary_min": sal, "expected_salary_unit": unit, "education": edu, "age": age,
        "groups": groups, "availability": avail, "classes": classes,
        "_sex": sex, "_home": home, "_want": want, "_pl": pl, "_near": near or [], "_no": list(no),
        "_pay": pay,
    })


S("U01", "我是台江城北安置区的，从小跟我妈学绣花，平绣辫绣都会一点。两个娃在县城读书要接送，只能在家附近做，最好是能拿回家绣的那种",
  ["刺绣", "苗绣", "平绣"], [], "绣花 或者车间里面的活", ["家附近", "台江"], "台江安置", 2000, "month",
  "primary", 38, ["relocated", "poverty_relieved"], "full_time", ["near_home", "key_groups", "real_text"],
  "F", "台江县", {"embroidery": 3, "craft": 2, "garment": 2, "electronics": 2, "factory": 2, "packing": 1},
  {}, near=[(6, 3), (20, 2), (40, 1)])

S("U02", "以前在浙江厂里干过几年，后来回来在工地做杂工，扎钢筋也帮过手。现在55了外省那些厂都不要我了，不想去外省太远，省内哪里都可以，什么都可以干 身体还行",
  ["杂工", "普工", "搬运"], [], "什么都可以", ["省内"], "剑河", 3000, "month",
  "primary", 55, ["rural_migrant", "poverty_relieved", "older_worker"], "both",
  ["region_words", "vague_wants", "key_groups", "real_text"],
  "M", "剑河县", {"construction": 3, "factory": 3, "loading": 3, "warehouse": 2, "security": 2, "farm": 2,
                  "forest_ranger": 2, "road_keeper": 2, "rebar": 2, "cleaning": 1, "packing": 2, "courier": 1},
  {"GZ": 3}, near=[(10, 3)], pay=2500, dlat=-0.08, dlng=0.2)

S("U03", "22岁 从江的 初中毕业 跟我表哥他们一起去东莞进厂 要包吃住的 工价高点 有返费更好 没纹身",
  ["普工", "流水线"], [], "进厂 普工", ["东莞", "广东"], "从江", 5000, "month",
  "junior", 22, ["rural_migrant"], "full_time", ["region_words", "real_text"],
  "M", "从江县", {"factory": 3, "electronics": 3, "packing": 2, "warehouse": 2, "garment": 1, "craft": 1, "mechanic": 1},
  {"东莞": 3, "广东": 3}, pay=4500)

S("U04", "娃娃才2岁多 下午要带 只能上午出来做几个小时 我家在宁波路这边 离家近点 做什么都可以 以前在超市干过收银",
  ["收银"], [], "上午的活都行", ["凯里", "家附近"], "凯里", 1500, "month",
  "junior", 29, [], "gig", ["near_home", "vague_wants", "real_text"],
  "F", "凯里", {"cashier": 3, "waiter": 3, "kitchen": 3, "cleaning": 2, "housekeeping": 2, "sales": 2},
  {"凯里": 3}, near=[(5, 3), (12, 2)], dlat=0.005)

S("U05", "凯里学院会计学本科，今年6月毕业，在会计师事务所实习过3个月，初级会计在考。想在凯里或者贵阳找会计、出纳或者文员，同时也在准备考编。",
  ["会计", "Excel", "金蝶"], [], "会计、出纳、文员都可以，也在考编", ["凯里", "贵阳"], "凯里", 3000, "month",
  "bachelor", 23, ["graduate"], "full_time", ["graduates", "multi_want"],
  "F", "凯里", {"accounting": 3, "office": 3, "customer_service": 1, "warehouse": 1, "assistant": 2},
  {"凯里": 3, "贵阳": 3}, pay=2500, dlat=0.02)

S("U06", "B2驾照，开了8年车，跑过客运也跑过货运，没出过事故。想在州内开车，离家近最好，黎平的更好。",
  ["驾驶", "客运", "货运"], ["B2驾驶证"], "驾驶员", ["黎平", "州内"], "黎平", 5000, "month",
  "junior", 35, [], "full_time", ["region_words"],
  "M", "黎平县", {"driver_b2": 3, "driver_c1": 2, "courier": 1, "delivery": 1},
  {"黎平县": 3, "QDN": 2}, pay=4000)

S("U07", "持低压电工证，在工地和小区物业做过水电，会接线、修开关插座、水管也会弄。想找个稳定点的电工活，在凯里市里面。",
  ["电工", "水电维修"], ["低压电工证"], "电工 水电维修", ["凯里"], "凯里", 4000, "month",
  "senior", 42, [], "full_time", [],
  "M", "凯里", {"electrician": 3, "after_sales": 2}, {"凯里": 3}, pay=3500, dlng=0.01)

S("U08", "家在雷山望丰 采了十几年茶 也会炒茶 杀青揉捻都做过。茶季过了想找点别的 打扫卫生也行 要在雷山 不去远的地方",
  ["采茶", "炒茶"], [], "采茶 炒茶 保洁", ["雷山", "家附近"], "望丰", 0, "month",
  "primary", 47, ["poverty_relieved"], "both", ["near_home", "multi_want", "key_groups"],
  "F", "雷山县", {"tea": 3, "cleaning": 2, "farm": 2, "kitchen": 1, "hotel_room": 1, "forest_ranger": 1, "embroidery": 1},
  {"雷山县": 3}, near=[(12, 3)])

S("U09", "保安或者门卫，仓库也行，江浙沪那边工资高点，包住就行。31岁 身体好 之前在工地干过",
  ["保安", "搬运"], [], "保安或者门卫，仓库也行", ["江浙沪"], "三穗", 4500, "month",
  "senior", 31, [], "full_time", ["region_words", "multi_want", "real_text"],
  "M", "三穗县", {"security": 3, "warehouse": 3, "loading": 2, "courier": 1, "factory": 1, "forklift": 1},
  {"浙江": 3, "江苏": 3, "上海": 3}, pay=4000)

S("U10", "在火锅店做过两年服务员，有健康证，会点单会收银。想在凯里找服务员或者收银，包吃最好，不上夜班。",
  ["服务员", "收银", "点单"], ["健康证"], "服务员/收银", ["凯里"], "凯里", 2500, "month",
  "junior", 26, [], "full_time", [],
  "F", "凯里", {"waiter": 3, "cashier": 3, "front_desk": 2, "kitchen": 1, "sales": 1}, {"凯里": 3}, pay=2300,
  dlat=-0.01)

S("U11", "做了五年月嫂，带过十几个宝宝，会做月子餐、给宝宝洗澡抚触。有育婴师证、健康证。凯里贵阳都可以，杭州有老乡叫我去也考虑。",
  ["月嫂", "育婴", "月子餐"], ["育婴师证", "健康证"], "月嫂 育婴师 住家保姆", ["凯里", "贵阳", "杭州"], "凯里", 6000, "month",
  "junior", 51, [], "full_time", ["multi_want"],
  "F", "凯里", {"yuesao": 3, "housekeeping": 2, "caregiver": 1, "kindergarten": 1},
  {"凯里": 3, "贵阳": 3, "杭州": 3}, pay=5000)

S("U12", "我60了 榕江栽麻的 家里是脱贫户 外面厂里不要我了 想在村里找个护林员或者护路员做 有点收入就行 山路熟",
  ["巡山", "种地"], [], "护林员 护路员", ["榕江", "村里"], "榕江", 0, "month",
  "primary", 60, ["poverty_relieved", "older_worker", "rural_migrant"], "full_time",
  ["key_groups", "near_home", "real_text"],
  "M", "榕江县", {"forest_ranger": 3, "road_keeper": 3, "farm": 1, "security": 1, "cleaning": 1},
  {"榕江县": 3}, near=[(25, 3)], dlat=0.08, dlng=0.08)

S("U13", "大专刚毕业，计算机网络技术专业，会装系统、配路由器交换机，考了华为HCIA。不要进厂，想去贵阳做IT或者网络相关的，客服也可以考虑。",
  ["网络维护", "装系统", "路由交换"], ["HCIA"], "IT运维/网管/客服，不要进厂", ["贵阳"], "凯里", 3500, "month",
  "college", 21, ["graduate"], "full_time", ["graduates", "multi_want"],
  "M", "凯里", {"it": 3, "customer_service": 2, "office": 2, "after_sales": 1, "ecommerce": 1},
  {"贵阳": 3, "凯里": 1}, no=["factory", "electronics"], pay=3000, dlat=0.01)

S("U14", "不要进厂，厂里太闷了。会开车C1，自己有电动车，想跑外卖或者送快递，凯里的，时间自由点 多劳多得",
  ["开车", "骑电动车"], ["C1驾驶证"], "外卖 快递 送货都行 不进厂", ["凯里"], "凯里", 4000, "month",
  "junior", 27, [], "both", ["multi_want", "real_text"],
  "M", "凯里", {"delivery": 3, "courier": 3, "driver_c1": 2, "loading": 1},
  {"凯里": 3}, no=["factory", "electronics"], pay=3500)

S("U15", "从排调搬到金钟安置点的，以前在厦门电子厂做了5年，现在家里老人身体不好走不开，要在家门口上班",
  ["电子组装", "流水线"], [], "家门口能上班的就行", ["安置点附近", "丹寨"], "丹寨金钟", 2000, "month",
  "junior", 33, ["relocated", "poverty_relieved"], "full_time", ["near_home", "key_groups", "vague_wants"],
  "F", "丹寨县", {"electronics": 3, "factory": 3, "garment": 2, "packing": 2, "embroidery": 1, "craft": 1,
                  "cleaning": 1, "cashier": 1},
  {}, near=[(4, 3), (8, 2), (20, 1)])

S("U16", "电悍干了十多年 有证 氩弧焊二保焊都会 钢结构 管道都做过 想去沿海工资高的地方 广东浙江江苏都行",
  ["电焊", "氩弧焊", "二保焊"], ["焊工证"], "电焊", ["沿海"], "天柱", 9000, "month",
  "junior", 45, ["rural_migrant"], "full_time", ["region_words", "real_text"],
  "M", "天柱县", {"welder": 3, "factory": 1},
  {"广东": 3, "浙江": 3, "江苏": 3, "上海": 3, "福建": 3}, pay=7500)

S("U17", "在镇远古城的客栈做过三年客房 打扫房间 铺床换布草都熟 想就在镇远 不想出去了",
  ["客房", "保洁"], [], "客房 保洁", ["镇远"], "镇远", 2000, "month",
  "junior", 40, [], "full_time", ["near_home"],
  "F", "镇远县", {"hotel_room": 3, "cleaning": 3, "waiter": 1, "kitchen": 1}, {"镇远县": 3})

S("U18", "刚满19 在家待着也不是办法 想去外面闯一闯 珠三角那边 啥都可以 包吃住就行",
  [], [], "啥都可以", ["珠三角"], "黄平", 0, "month",
  "junior", 19, ["rural_migrant"], "full_time", ["region_words", "vague_wants", "real_text"],
  "M", "黄平县", {"factory": 3, "electronics": 3, "packing": 2, "warehouse": 2, "delivery": 2, "courier": 2,
                  "security": 2, "craft": 2, "waiter": 2, "mechanic": 2, "kitchen": 1, "construction": 1, "rebar": 1,
                  "garment": 1},
  {"广东": 3})

S("U19", "52了 施秉县城住 找零活 日结的 工地搬砖 拌灰 卸货都干过 有活叫我 什么都行",
  ["搬运", "杂工"], [], "零工 日结 什么都行", ["施秉"], "施秉", 150, "day",
  "primary", 52, ["older_worker", "low_income"], "gig", ["vague_wants", "key_groups", "real_text"],
  "M", "施秉县", {"construction": 3, "loading": 3, "farm": 2, "cleaning": 1, "rebar": 1, "security": 1},
  {"施秉县": 3}, near=[(10, 3), (45, 1)], pay=3000)

S("U20", "在饭店后厨打过杂，洗碗、切菜、配菜都做过。晚上不行，要回家管娃，只能白天班。就在凯里。",
  ["洗碗", "切菜", "配菜"], ["健康证"], "白天的活都可以", ["凯里"], "凯里", 2200, "month",
  "junior", 36, [], "full_time", ["vague_wants"],
  "F", "凯里", {"kitchen": 3, "cleaning": 2, "waiter": 2, "cook": 1, "packing": 1, "housekeeping": 1},
  {"凯里": 3}, pay=1900, dlat=0.012)

S("U21", "贵州师范学院学前教育本科毕业，有幼儿园教师资格证，实习在幼儿园带过中班。想在凯里找幼儿园或者教培，同时准备考特岗和事业编。",
  ["幼儿教育", "钢琴", "舞蹈"], ["教师资格证"], "幼师 / 教培老师 / 考编", ["凯里"], "凯里", 3000, "month",
  "bachelor", 24, ["graduate"], "full_time", ["graduates", "multi_want"],
  "F", "凯里", {"kindergarten": 3, "teacher": 3, "office": 1}, {"凯里": 3, "贵阳": 1}, pay=2500)

S("U22", "有叉车证，在宁波仓库开了三年叉车，也做过仓库收发。过完年还想出去，长三角那边，宁波苏州都行。",
  ["叉车", "仓库收发"], ["叉车证"], "叉车 仓库", ["长三角"], "锦屏", 6000, "month",
  "junior", 38, ["rural_migrant"], "full_time", ["region_words"],
  "M", "锦屏县", {"forklift": 3, "warehouse": 3, "loading": 2, "factory": 1},
  {"浙江": 3, "江苏": 3, "上海": 3}, pay=5500)

S("U23", "家里就我一个能干活的，老公生病在家。在县城安置点住，不识几个字，能做点手工，打扫卫生都可以，要在从江县城，要照顾他走不远",
  ["手工", "打扫"], [], "手工 打扫卫生 都可以", ["从江县城"], "从江安置", 0, "month",
  "primary", 45, ["zero_employment_household", "poverty_relieved", "relocated"], "full_time",
  ["key_groups", "near_home", "vague_wants", "real_text"],
  "F", "从江县", {"craft": 3, "cleaning": 3, "garment": 2, "kitchen": 2, "factory": 2, "embroidery": 2,
                  "waiter": 1, "warehouse": 1},
  {}, near=[(5, 3), (15, 1)])

S("U24", "58了，在岑巩县城住。以前在外面做了十年保安，现在想在县城找个门卫、看大门、守仓库都可以。",
  ["保安", "门卫"], [], "门卫 保安 看仓库", ["岑巩县城"], "岑巩", 1800, "month",
  "junior", 58, ["older_worker"], "full_time", ["multi_want", "key_groups", "near_home"],
  "M", "岑巩县", {"security": 3, "warehouse": 2, "cleaning": 1, "cashier": 1}, {}, near=[(8, 3), (50, 1)])

S("U25", "以前在东莞电子厂做了6年，去年回来了。在麻江，想在州内或者贵阳找，流水线都熟，都可以，就是不要两班倒",
  ["流水线", "电子组装", "检验"], [], "都可以 不要两班倒", ["州内", "贵阳"], "麻江", 3000, "month",
  "junior", 30, ["rural_migrant"], "full_time", ["region_words", "vague_wants"],
  "F", "麻江县", {"electronics": 3, "factory": 3, "packing": 2, "garment": 1, "cashier": 1, "warehouse": 1},
  {"QDN": 3, "贵阳": 3}, pay=2600)

S("U26", "中专汽修专业，在4S店干过两年机修，保养、换件、简单故障诊断都会。想在凯里或者贵阳做汽修或者汽车售后维修，不做销售。",
  ["汽修", "保养", "故障诊断"], [], "汽修 机修 不做销售", ["凯里", "贵阳"], "凯里", 4000, "month",
  "senior", 28, [], "full_time", ["multi_want"],
  "M", "凯里", {"auto_repair": 3, "after_sales": 1, "mechanic": 1}, {"凯里": 3, "贵阳": 3}, no=["sales"], pay=3500)

S("U27", "护理专业大专毕业，护士资格证还没考过，今年再考。先想找个医院相关的工作，护工也可以，在凯里。",
  ["护理", "静脉输液", "生命体征"], [], "护士 护理 护工", ["凯里"], "凯里", 2500, "month",
  "college", 22, ["graduate"], "full_time", ["graduates"],
  "F", "凯里", {"nurse": 3, "caregiver": 2, "kindergarten": 1, "customer_service": 1}, {"凯里": 3, "贵阳": 1},
  pay=2000)

S("U28", "左腿有残疾，有残疾证，站久了不行。想找坐着的活，看门、收费、手工都行，在凯里市区。",
  ["手工", "手机收款"], ["残疾证"], "能坐着的工作", ["凯里"], "凯里", 1500, "month",
  "junior", 48, ["hard_to_employ"], "full_time", ["key_groups", "vague_wants"],
  "M", "凯里", {"cashier": 3, "craft": 2, "security": 2, "assistant": 2, "electronics": 2, "office": 1, "embroidery": 1},
  {"凯里": 3}, pay=1500, dlat=-0.006)

S("U29", "55岁了 在黎平县城 以前在宾馆打扫过房间 年纪大了 想找轻松点的 离家近就行",
  ["打扫"], [], "轻松点的都行", ["黎平", "家附近"], "黎平", 1500, "month",
  "primary", 55, ["older_worker", "low_income"], "full_time", ["near_home", "key_groups", "vague_wants"],
  "F", "黎平县", {"cleaning": 3, "hotel_room": 2, "kitchen": 1, "cashier": 1, "security": 1},
  {}, near=[(6, 3), (20, 1)])

S("U30", "做厨师8年了，黔菜、川菜都会，酸汤鱼拿手，有健康证。凯里或者浙江都可以，工资要7000以上。",
  ["厨师", "黔菜", "川菜"], ["健康证"], "厨师", ["凯里", "浙江"], "凯里", 7000, "month",
  "junior", 33, [], "full_time", ["region_words"],
  "M", "凯里", {"cook": 3, "kitchen": 1}, {"凯里": 3, "浙江": 3}, pay=7000)

S("U31", "做过3年手机销售，会聊天，业绩一直不错。想做销售，底薪加提成那种，不做客服也不做售后，凯里贵阳都行",
  ["销售", "手机"], [], "销售（不要客服、售后）", ["凯里", "贵阳"], "凯里", 4000, "month",
  "senior", 28, [], "full_time", ["multi_want", "real_text"],
  "F", "凯里", {"sales": 3, "ecommerce": 1}, {"凯里": 3, "贵阳": 3}, no=["customer_service", "after_sales"],
  pay=3500, dlng=-0.01)

S("U32", "A2驾照 开半挂10年 有从业资格证 跑长途没问题 外省也行 省内也行 工资要高",
  ["半挂", "长途"], ["A2驾驶证", "道路货运从业资格证"], "货车司机 半挂", ["外省", "省内"], "凯里", 9000, "month",
  "junior", 40, [], "full_time", ["region_words"],
  "M", "凯里", {"driver_a2": 3, "driver_b2": 2, "driver_c1": 1}, {"ALL": 3}, pay=7000)

S("U33", "中专毕业 在家闲了半年 想在凯里找个事做 随便什么 不要太累的 工资不要太低 能学东西就行 打字不太快哈",
  [], [], "随便 不要太累", ["凯里"], "凯里", 2500, "month",
  "senior", 22, [], "full_time", ["vague_wants", "real_text"],
  "F", "凯里", {"cashier": 3, "waiter": 2, "sales": 3, "front_desk": 2, "office": 1, "kindergarten": 1},
  {"凯里": 3}, pay=2200, dlat=0.008)

S("U34", "从旁海搬到白午安置点的，以前在工地干，现在想找个稳定点的，啥都行，开发区那边近，有厂车最好",
  ["杂工"], [], "稳定的都行", ["凯里开发区", "安置点附近"], "白午", 3000, "month",
  "junior", 36, ["relocated", "poverty_relieved"], "full_time", ["key_groups", "near_home", "vague_wants"],
  "M", "凯里", {"factory": 3, "electronics": 3, "packing": 3, "warehouse": 2, "loading": 2, "security": 2,
                "construction": 2, "courier": 1, "garment": 1},
  {}, near=[(10, 3), (25, 2)], pay=2800)

S("U35", "电子商务专业大专，在抖音小店做过半年运营实习，会剪视频、写脚本。想做直播运营，凯里、杭州都可以，杭州机会多",
  ["短视频剪辑", "直播运营", "抖音"], [], "电商运营 直播", ["凯里", "杭州"], "凯里", 3500, "month",
  "college", 23, ["graduate"], "full_time", ["graduates"],
  "F", "凯里", {"ecommerce": 3, "sales": 2, "office": 1}, {"凯里": 3, "杭州": 3, "贵阳": 1}, pay=3000)

S("U36", "在宁波待了8年 做过注塑 装配 还是想去宁波 江浙都行 要包住 能跟老公一起进的最好 我42了",
  ["装配", "注塑", "普工"], [], "进厂 什么厂都可以", ["宁波", "江浙"], "岑巩", 5000, "month",
  "junior", 42, ["rural_migrant"], "full_time", ["region_words", "real_text"],
  "F", "岑巩县", {"factory": 3, "electronics": 3, "packing": 2, "garment": 1, "warehouse": 2},
  {"浙江": 3, "江苏": 3}, pay=4500, dlat=0.01)

S("U37", "大专毕业，考编没考上，先跑外卖过渡一下。跑过一年，贵阳凯里的路都熟，专送众包都行，也可以兼职",
  ["外卖配送"], [], "骑手", ["贵阳", "凯里"], "凯里", 4000, "month",
  "college", 24, ["graduate"], "both", ["graduates"],
  "M", "凯里", {"delivery": 3, "courier": 2, "driver_c1": 1}, {"凯里": 3, "贵阳": 3}, pay=3500)

S("U38", "在西江，农忙时候采茶，平时想在景区找点事做，会说苗话，会穿苗服给游客拍照，想离家近",
  ["采茶", "苗语", "拍照"], [], "景区里的都可以 采茶也做", ["西江", "雷山"], "西江", 2000, "month",
  "junior", 34, [], "both", ["near_home", "multi_want", "vague_wants"],
  "F", "雷山县", {"waiter": 3, "tea": 3, "front_desk": 2, "sales": 2, "hotel_room": 2, "guide": 2, "cleaning": 1},
  {"西江": 3, "雷山县": 2}, near=[(5, 3), (25, 1)])

S("U39", "钢筋工木工都会 干了二十多年 广东那边工地也去过 省内也行 点工包工都接",
  ["钢筋", "木工", "支模"], [], "钢筋工 木工", ["广东", "省内"], "黄平", 300, "day",
  "primary", 50, ["rural_migrant", "older_worker"], "both", ["region_words", "real_text"],
  "M", "黄平县", {"rebar": 3, "construction": 2}, {"广东": 3, "GZ": 3}, pay=6500)

S("U40", "会蜡染，也会一点刺绣，在丹寨县城住。想做这个，或者去万达小镇卖东西也可以",
  ["蜡染", "刺绣"], [], "蜡染 刺绣 或者 导购", ["丹寨"], "丹寨", 2000, "month",
  "junior", 37, [], "full_time", ["multi_want", "near_home"],
  "F", "丹寨县", {"embroidery": 3, "craft": 3, "sales": 2, "waiter": 1}, {"丹寨县": 3})

S("U41", "退伍军人，在部队当过两年兵。想做保安或者辅警、协管员，最好在三穗或凯里，不要太远",
  ["安保", "巡逻"], ["退伍证"], "保安 辅警 协管员", ["三穗", "凯里"], "三穗", 2500, "month",
  "senior", 29, [], "full_time", ["multi_want"],
  "M", "三穗县", {"security": 3, "assistant": 3}, {"三穗县": 3, "凯里": 3}, pay=2000)

S("U42", "车工做了15年，平车冚车都会，计件的，去外省也行，浙江广东都去过",
  ["车工", "平车", "冚车"], [], "车工 缝纫", ["外省", "浙江", "广东"], "榕江", 6000, "month",
  "primary", 44, ["rural_migrant"], "full_time", ["region_words"],
  "F", "榕江县", {"garment": 3, "factory": 1}, {"ALL_OUT": 3, "榕江县": 1}, pay=5000)

S("U43", "土木工程本科，毕业一年，在工地做过资料员，会CAD和广联达。想做施工员，凯里或者贵阳，也在考编",
  ["CAD", "广联达", "施工资料"], [], "施工员 / 技术员 / 考编", ["凯里", "贵阳"], "凯里", 4000, "month",
  "bachelor", 25, ["graduate"], "full_time", ["graduates"],
  "M", "凯里", {"civil_eng": 3, "office": 1}, {"凯里": 3, "贵阳": 3}, pay=3500)

S("U44", "62岁了 身体还硬朗 在寨子里 想找个护路员 看水库这种 不出去了",
  ["种地"], [], "护路 看水库", ["榕江", "寨子附近"], "榕江", 0, "month",
  "none", 62, ["poverty_relieved", "older_worker"], "full_time", ["key_groups", "near_home"],
  "M", "榕江县", {"road_keeper": 3, "forest_ranger": 3, "security": 1, "farm": 1}, {"榕江县": 3},
  dlat=-0.05, dlng=-0.05)

S("U45", "剑河县城安置小区的，带两个孩子，只能白班。之前在苏州做过电子厂，家门口的车间最好，什么车间都行",
  ["电子组装"], [], "家门口车间 白班", ["安置点附近"], "剑河安置", 2000, "month",
  "junior", 32, ["relocated", "poverty_relieved"], "full_time", ["near_home", "key_groups", "vague_wants"],
  "F", "剑河县", {"electronics": 3, "factory": 3, "garment": 2, "packing": 2, "cashier": 1, "craft": 2},
  {}, near=[(4, 3), (10, 2)])

S("U46", "高中毕业 不想进厂 想学门技术 汽修 厨师 理发都可以 包吃住的更好 在凯里",
  [], [], "学技术（汽修/厨师/理发），不进厂", ["凯里"], "凯里", 1500, "month",
  "senior", 21, [], "full_time", ["multi_want"],
  "M", "凯里", {"auto_repair": 3, "hairdresser": 3, "cook": 3, "kitchen": 2}, {"凯里": 3},
  no=["factory", "electronics"])

S("U47", "在医院当过三年护工 照顾病人 照顾老人都可以 翻身擦洗喂饭都会 在凯里就行 能住家",
  ["护理", "照顾老人"], ["健康证"], "护工 照顾老人", ["凯里"], "凯里", 3000, "month",
  "primary", 50, ["older_worker"], "full_time", [],
  "F", "凯里", {"caregiver": 3, "housekeeping": 2, "cleaning": 1}, {"凯里": 3, "贵阳": 1}, pay=2800)

S("U48", "做过5年仓管，会电脑，Excel、用友都会用。想在州府找仓管或者物流方面的，坐办公室也行",
  ["仓管", "Excel", "用友"], [], "仓管 物流 文员", ["州府"], "凯里", 3500, "month",
  "senior", 43, [], "full_time", ["region_words", "multi_want"],
  "M", "凯里", {"warehouse": 3, "office": 2, "forklift": 1, "loading": 1}, {"凯里": 3}, pay=3000)

S("U49", "台江人 旅游管理大专毕业 在西江民宿实习做过前台 会电脑会剪视频 想在台江或西江找前台 民宿 酒店都可以",
  ["前台", "剪视频", "电脑"], [], "前台 民宿 酒店", ["台江", "西江"], "台江", 2500, "month",
  "college", 23, ["graduate"], "full_time", ["near_home", "graduates"],
  "F", "台江县", {"front_desk": 3, "hotel_room": 2, "ecommerce": 2, "cashier": 2, "sales": 1, "waiter": 1, "guide": 2},
  {"台江县": 3, "西江": 3})

S("U50", "能吃苦 什么都干 有活就行 日结也要 在厂里干过两年 工地也干过 省内最好 家在镇远",
  ["普工", "杂工"], [], "什么都干 日结也行", ["省内"], "镇远", 2500, "month",
  "junior", 35, ["low_income", "rural_migrant"], "both", ["vague_wants", "region_words", "key_groups", "real_text"],
  "M", "镇远县", {"construction": 3, "factory": 3, "loading": 3, "electronics": 2, "warehouse": 2, "security": 2,
                  "farm": 2, "packing": 2, "cleaning": 1, "kitchen": 1, "assistant": 1, "rebar": 1},
  {"GZ": 2}, near=[(50, 3)], pay=2500)
