# Hand-written job seekers for evalset written-b.
# `_wants` (trade hint words) and `_place` (place rule) are hidden hints used only
# by shortlist.py to list candidate postings; they are stripped from profiles.jsonl.
# _place: "any" | "near:<km>" | list of tokens matched against posting hints
#         (province / city words, "qdn" = 黔东南, "guizhou", "outside", "coastal", "prd", "yrd").


def S(id, self_description, skills, certificates, desired_occupations, desired_cities,
      lat, lng, expected_salary_min, expected_salary_unit, education, age, groups,
      availability, classes, _wants, _place):
    return {
        "id": id, "self_description": self_description, "skills": skills,
        "certificates": certificates, "desired_occupations": desired_occupations,
        "desired_cities": desired_cities, "lat": lat, "lng": lng,
        "expected_salary_min": expected_salary_min, "expected_salary_unit": expected_salary_unit,
        "education": education, "age": age, "groups": groups, "availability": availability,
        "classes": classes, "_wants": _wants, "_place": _place,
    }


PROFILES = [
S("S01", "黄平旧州人 在宁波注塑厂干了8年 开机 修边 都熟 过年回来了 年后还想回去 包吃住的 工资5000以上",
  ["注塑开机", "修毛边"], [], "进厂 注塑最好", ["浙江"],
  26.990, 107.735, 5000, "month", "junior", 42, ["rural_migrant"], "full_time",
  ["region_words", "real_text"], "factory injection assembly", ["zhejiang"]),

S("S02", "我是雷山的 女 从小就会绣花 平绣辫绣都会 孩子在县城读小学要接送 不能出去 想在家附近找个绣花的活 计件也可以",
  ["苗绣", "平绣", "辫绣"], [], "刺绣", ["家附近"],
  26.382, 108.080, 1500, "month", "primary", 38, ["poverty_relieved"], "full_time",
  ["near_home", "key_groups", "region_words", "real_text"], "embroidery batik handwork", "near:30"),

S("S03", "男 凯里学院计算机专业 今年毕业 还没找到工作 会装系统 修电脑 会一点点python 想找个见习或者办公室电脑相关的",
  ["电脑维护", "Office", "Python基础"], ["计算机一级"], "就业见习 / 文员 / 电脑网络相关", ["凯里", "贵阳"],
  26.575, 107.985, 2500, "month", "college", 22, ["graduate"], "full_time",
  ["graduates", "multi_want"], "internship it office clerk", ["kaili", "guiyang"]),

S("S04", "阿姨 我52了 没读过书 住在从江安置区 以前在家种地 搞卫生 做饭 都可以 离家近点的 不会用电脑",
  ["做饭", "打扫卫生"], [], "搞卫生 做饭都可以", ["安置点附近"],
  25.761, 108.913, 1500, "month", "primary", 52, ["relocated", "poverty_relieved", "older_worker"], "full_time",
  ["near_home", "key_groups", "region_words", "vague_wants"], "cleaning kitchen publicwelfare handwork", "near:10"),

S("S05", "天柱人 开过5年货车 有B2 也有叉车证 在贵阳物流园开过叉车 想在省内找 开货车 或者开叉车",
  ["货车驾驶", "叉车"], ["B2驾照", "叉车证"], "货车司机 叉车工", ["省内"],
  26.910, 109.205, 5000, "month", "junior", 35, ["rural_migrant"], "full_time",
  ["region_words", "multi_want"], "truck forklift driver", ["guizhou"]),

S("S06", "宝妈一枚 孩子3岁上幼儿园了 以前在深圳电子厂做过质检 现在想在县城找个能接送孩子的 上午9点到下午4点左右",
  ["质检", "电子厂流水线"], [], "上班时间能接送小孩的都可以", ["县城"],
  27.045, 108.420, 1800, "month", "senior", 29, [], "part_time",
  ["near_home", "region_words", "vague_wants"], "cashier retail handwork clerk electronics", "near:15"),

S("S07", "榕江的 男 19岁 初中毕业 在家玩了一年 想去广东 深圳 东莞那边进厂 或者学个技术",
  [], [], "进厂 学技术", ["广东", "深圳", "东莞"],
  25.935, 108.525, 4000, "month", "junior", 19, ["rural_migrant"], "full_time",
  ["region_words", "vague_wants", "multi_want"], "factory apprentice electronics cnc mold", ["guangdong"]),

S("S08", "男 扎钢筋 砌砖 抹灰 都干过 工地上十几年了 附近有活就干 日结的好",
  ["钢筋", "砌砖", "抹灰"], [], "工地", ["剑河", "凯里"],
  26.728, 108.440, 250, "day", "primary", 47, ["rural_migrant"], "gig",
  ["real_text", "vague_wants"], "construction rebar masonry laborer", ["jianhe", "kaili"]),

S("S09", "黎平 中专护理专业毕业 有护士资格证 在县医院实习过一年 想在州内医院当护士",
  ["静脉穿刺", "护理"], ["护士资格证"], "护士", ["州内"],
  26.235, 109.138, 3000, "month", "vocational", 24, [], "full_time",
  ["region_words"], "nurse healthcare caregiver", ["qdn"]),

S("S10", "老汉一个 58了 在家种地 年纪大了出不去 想在家附近找点事做 看大门 或者种地 摘果子都行",
  ["种地"], [], "看大门 种植", ["家附近"],
  26.510, 107.610, 1500, "month", "primary", 58, ["older_worker", "poverty_relieved"], "full_time",
  ["near_home", "key_groups", "multi_want", "region_words"], "security watchman agriculture publicwelfare", "near:25"),

S("S11", "做过三年饭馆服务员 也在超市收过银 想在市里找 服务员 收银员都可以 要有休息的 2800以上",
  ["点菜", "收银"], ["健康证"], "服务员 收银员", ["市里"],
  26.570, 107.975, 2800, "month", "junior", 33, [], "full_time",
  ["multi_want", "region_words", "real_text"], "waiter cashier retail", ["kaili"]),

S("S12", "台江 有低压电工证 在工厂做过两年维修电工 电工或者维修都可以 州内或者沿海工资高的",
  ["维修电工", "配电"], ["低压电工证"], "电工 维修", ["州内", "沿海"],
  26.670, 108.320, 4000, "month", "vocational", 27, [], "full_time",
  ["region_words", "multi_want"], "electrician repair maintenance appliance", ["qdn", "coastal"]),

S("S13", "电焊 氩弧焊 二保都会 有焊工证 在广东船厂干过 想去江浙沪 8000以上",
  ["二保焊", "氩弧焊", "手工焊"], ["焊工证"], "电焊工", ["江浙沪"],
  27.175, 108.815, 8000, "month", "junior", 31, ["rural_migrant"], "full_time",
  ["region_words", "real_text"], "welding", ["yrd"]),

S("S14", "住三穗安置点 以前在杭州酒店做保洁 现在要照顾家里老人 出不了远门 安置点附近有什么活都行 手工也行",
  ["保洁", "手工"], [], "啥都行", ["安置点附近"],
  26.961, 108.682, 1500, "month", "primary", 45, ["relocated", "poverty_relieved"], "full_time",
  ["near_home", "key_groups", "vague_wants", "region_words"], "cleaning handwork garment publicwelfare", "near:10"),

S("S15", "贵州大学农学专业 今年本科毕业 想回家乡 报三支一扶 或者先找个农业技术员的工作",
  ["作物栽培", "病虫害识别"], [], "三支一扶 农业技术员", ["州内", "贵阳"],
  26.445, 106.670, 3000, "month", "bachelor", 22, ["graduate"], "full_time",
  ["graduates", "multi_want", "region_words"], "agriculture technician internship", ["qdn", "guiyang"]),

S("S16", "女 26 在抖音上直播卖过衣服半年 粉丝不多 想找 主播 或者 电商运营 凯里 杭州 义乌 都可以",
  ["直播", "短视频剪辑"], [], "主播 电商运营", ["凯里", "杭州", "义乌"],
  26.590, 107.960, 4000, "month", "senior", 26, [], "full_time",
  ["multi_want"], "livestream ecommerce", ["kaili", "hangzhou", "yiwu"]),

S("S17", "腿有残疾 走路不方便 有残疾证 能坐着干的活 看监控 做手工 打字都可以 在从江县城",
  ["打字", "手工"], ["残疾证"], "能坐着干的", ["县城"],
  25.755, 108.905, 1500, "month", "senior", 40, ["hard_to_employ"], "full_time",
  ["near_home", "key_groups", "vague_wants", "region_words"], "monitor handwork office customer publicwelfare", "near:10"),

S("S18", "大姐 做过几年住家保姆 带过小孩 也照顾过老人 有健康证 会做饭 想去上海 北京 广州 这些大城市做住家",
  ["做饭", "带小孩", "照顾老人"], ["健康证"], "住家保姆 育儿嫂", ["上海", "北京", "广州"],
  26.565, 107.980, 7000, "month", "junior", 50, ["older_worker"], "full_time",
  ["multi_want", "key_groups"], "nanny housekeeper childcare eldercare", ["shanghai", "beijing", "guangzhou"]),

S("S19", "黎平人 厨师干了8年 湘菜 川菜 本地菜都会 想在省内找 厨师的活 工资4500以上",
  ["热菜", "湘菜", "川菜"], ["健康证"], "厨师", ["省内"],
  26.230, 109.130, 4500, "month", "junior", 36, [], "full_time",
  ["region_words", "real_text"], "chef kitchen", ["guizhou"]),

S("S20", "中职 幼儿保育专业 今年毕业 想当幼儿园老师 在凯里或者丹寨",
  ["弹琴", "手工", "舞蹈"], ["保育员证"], "幼儿园老师", ["凯里", "丹寨"],
  26.580, 107.970, 2300, "month", "vocational", 19, ["graduate"], "full_time",
  ["graduates"], "kindergarten childcare teacher", ["kaili", "danzhai"]),

S("S21", "锦屏人 做装修木工十来年 吊顶 打柜子 铺地板 都会 哪里都可以去 只要工资高",
  ["吊顶", "打柜子", "铺木地板"], [], "木工", [],
  26.676, 109.200, 350, "day", "primary", 44, ["rural_migrant"], "full_time",
  [], "carpentry formwork furniture wood", "any"),

S("S22", "施秉的 以前在福建晋江鞋厂做针车 做了十年 想回福建 鞋厂",
  ["针车"], [], "针车工", ["福建", "晋江"],
  27.034, 108.126, 6000, "month", "primary", 39, ["rural_migrant"], "full_time",
  ["region_words", "real_text"], "shoes sewing garment", ["fujian"]),

S("S23", "女 大专会计专业 有初级会计证 在代账公司干过一年 找 会计 出纳 文员 在凯里",
  ["做账", "报税", "Excel"], ["初级会计证"], "会计 出纳 文员", ["凯里"],
  26.585, 107.990, 3000, "month", "college", 28, [], "full_time",
  ["multi_want"], "accounting cashier clerk office", ["kaili"]),

S("S24", "男 50 在家种茶 农闲的时候想打点零工 附近的 采茶 修路 都行",
  ["采茶", "种茶"], [], "零工", ["家附近"],
  26.370, 108.060, 100, "day", "primary", 50, ["poverty_relieved"], "gig",
  ["near_home", "vague_wants", "key_groups", "region_words", "real_text"], "agriculture tea laborer construction publicwelfare", "near:25"),

S("S25", "女生 刚高中毕业 不读了 想去外面打工 和朋友一起 进厂 包吃住就行",
  [], [], "进厂", ["外省"],
  26.905, 107.916, 4000, "month", "senior", 19, [], "full_time",
  ["region_words", "vague_wants", "real_text"], "factory electronics assembly", ["outside"]),

S("S26", "有C1驾照 开了6年车 想跑滴滴 或者送外卖 灵活点的 凯里",
  ["开车", "熟悉凯里路线"], ["C1驾照"], "网约车 外卖", ["凯里"],
  26.600, 108.005, 4000, "month", "senior", 30, [], "full_time",
  ["multi_want"], "ridehail delivery courier driver", ["kaili"]),

S("S27", "住榕江卧龙安置区 以前在广州做服装 车位 平车会踩 想在县城服装厂上班 离家近",
  ["平车", "车位"], [], "服装厂车工", ["县城"],
  25.950, 108.517, 2500, "month", "primary", 41, ["relocated", "poverty_relieved"], "full_time",
  ["near_home", "key_groups", "region_words"], "garment sewing", "near:15"),

S("S28", "男 当过兵 退伍后做过十年保安 55岁 身体好 想在凯里找保安或者门卫",
  ["保安", "巡逻"], ["保安员证"], "保安 门卫", ["凯里"],
  26.555, 107.960, 2300, "month", "senior", 55, ["older_worker"], "full_time",
  ["key_groups", "multi_want"], "security watchman", ["kaili"]),

S("S29", "贵州师范大学汉语言文学本科 今年毕业 在备考教师编 先找个教培或者学校的工作 凯里贵阳都可以",
  ["语文教学", "写作"], ["教师资格证（初中语文）"], "教培老师 学校", ["凯里", "贵阳"],
  26.570, 107.985, 3000, "month", "bachelor", 23, ["graduate"], "full_time",
  ["graduates", "multi_want"], "teacher tutoring internship", ["kaili", "guiyang"]),

S("S30", "男 24 在凯里修车店干过一年 会保养 换刹车片 想继续做汽修 凯里 贵阳 都匀都行",
  ["汽车保养", "换刹车片"], ["C1驾照"], "汽修", ["凯里", "贵阳", "都匀"],
  26.545, 107.945, 3500, "month", "junior", 24, [], "full_time",
  [], "auto repair tire carwash", ["kaili", "guiyang", "duyun"]),

S("S31", "女的 在苏州电子厂打了几年工 现在回来了 想在凯里或者县城上班 进厂也行",
  ["流水线", "电子组装"], [], "工厂 普工都可以", ["凯里", "县城"],
  26.680, 109.190, 2800, "month", "junior", 36, [], "full_time",
  ["region_words", "vague_wants", "real_text"], "factory electronics retail", ["kaili", "jinping"]),

S("S32", "天柱人 男 去年在宁波 工厂和工地都干过 今年还想去宁波 慈溪 余姚 这边 跟老乡一起",
  ["普工", "小工"], [], "普工 小工", ["宁波", "慈溪", "余姚"],
  26.900, 109.190, 5000, "month", "primary", 45, ["poverty_relieved", "rural_migrant"], "full_time",
  ["key_groups", "vague_wants"], "factory construction laborer", ["ningbo"]),

S("S33", "女 做过美甲 也学过美容 想找美容院或者美甲店 在凯里",
  ["美甲", "面部护理"], [], "美容 美甲", ["凯里"],
  26.575, 107.990, 3000, "month", "vocational", 30, [], "full_time",
  ["multi_want"], "beauty nails", ["kaili"]),

S("S34", "中职数控专业 今年毕业 会操作车床 加工中心 想去长三角 做数控CNC",
  ["数控车床", "加工中心", "看图纸"], ["数控车工中级"], "数控 CNC操作", ["长三角"],
  26.953, 108.675, 5000, "month", "vocational", 19, ["graduate"], "full_time",
  ["graduates", "region_words"], "cnc machining mold", ["yrd"]),

S("S35", "肇兴的 女 48岁 在家附近找 服务员 或者打扫卫生的 不想去县城",
  ["打扫卫生"], [], "服务员 保洁", ["镇上", "家附近"],
  25.832, 109.174, 1800, "month", "primary", 48, [], "full_time",
  ["near_home", "region_words", "multi_want"], "waiter cleaning", "near:10"),

S("S36", "A2驾照 开半挂8年 跑长途 全国哪里都行",
  ["半挂车驾驶"], ["A2驾照"], "长途货车司机", [],
  26.595, 107.965, 10000, "month", "junior", 33, [], "full_time",
  [], "truck longhaul driver", "any"),

S("S37", "台江的 会说苗语 普通话也可以 喜欢跟人打交道 想做导游或者讲解员 没有导游证 州内",
  ["苗语", "普通话"], [], "导游 讲解员", ["州内"],
  26.668, 108.321, 2500, "month", "senior", 22, [], "full_time",
  ["region_words"], "guide tourism", ["qdn"]),

S("S38", "老汉 62了 身体还好 想找看门 打扫卫生之类的 在镇上",
  [], [], "看门 打扫", ["镇上"],
  26.672, 108.325, 1500, "month", "primary", 62, ["older_worker", "low_income"], "full_time",
  ["near_home", "key_groups", "region_words", "multi_want"], "security watchman cleaning publicwelfare", "near:15"),

S("S39", "女 25 做了2年电话客服 普通话标准 打字快 想找客服或者文职 凯里 贵阳 最好双休",
  ["电话客服", "打字"], [], "客服 文职", ["凯里", "贵阳"],
  26.590, 107.975, 3000, "month", "college", 25, [], "full_time",
  ["multi_want"], "customer service clerk office", ["kaili", "guiyang"]),

S("S40", "在东莞做了5年模具钳工 配模 飞模 都会 想去佛山 中山那边 工资高点",
  ["模具钳工", "配模", "飞模"], [], "模具钳工", ["佛山", "中山"],
  26.730, 108.440, 9000, "month", "junior", 28, ["rural_migrant"], "full_time",
  [], "mold fitter", ["foshan", "zhongshan"]),

S("S41", "家里零就业 老公生病在家要照顾 只能在县城或者镇上 做什么都可以",
  [], [], "都可以", ["县城", "镇上"],
  26.903, 107.918, 1500, "month", "junior", 37, ["zero_employment_household", "low_income"], "full_time",
  ["near_home", "key_groups", "vague_wants", "region_words"], "handwork retail cleaning publicwelfare", "near:15"),

S("S42", "体育专业 毕业两年了 在健身房兼职过 想去深圳或者广州当健身教练",
  ["健身指导", "游泳"], ["健身教练证"], "健身教练", ["深圳", "广州"],
  26.580, 107.980, 6000, "month", "bachelor", 25, [], "full_time",
  [], "fitness coach", ["shenzhen", "guangzhou"]),

S("S43", "女 有养老护理员证 在医院做过护工 想找养老院护理员 施秉或者凯里",
  ["护理老人", "喂饭翻身"], ["养老护理员证", "健康证"], "养老护理员", ["施秉", "凯里"],
  27.030, 108.120, 2500, "month", "junior", 46, [], "full_time",
  [], "eldercare caregiver", ["shibing", "kaili"]),

S("S44", "会开挖机 有挖掘机证 开了6年 州内或者贵阳都可以",
  ["挖掘机"], ["挖掘机操作证"], "挖机司机", ["州内", "贵阳"],
  25.928, 108.530, 8000, "month", "junior", 38, [], "full_time",
  ["region_words"], "excavator loader", ["qdn", "guiyang"]),

S("S45", "女生 电子商务专业 大专 今年毕业 家是搬迁户 想在家乡做电商 见习也行 或者去杭州",
  ["店铺运营", "短视频剪辑", "PS"], [], "电商 运营 见习", ["州内", "杭州"],
  26.664, 108.312, 2000, "month", "college", 21, ["graduate", "relocated"], "full_time",
  ["graduates", "multi_want", "region_words", "key_groups"], "ecommerce livestream internship customer", ["qdn", "hangzhou"]),

S("S46", "男 35 啥都行 只要日结 丹寨 凯里 都可以",
  ["力气大"], [], "啥都行 日结", ["丹寨", "凯里"],
  26.200, 107.790, 150, "day", "junior", 35, [], "gig",
  ["vague_wants", "real_text"], "gig laborer", ["danzhai", "kaili"]),

S("S47", "在昆山物流仓干过两年 拣货 打包 扫码都熟 想去珠三角 做仓库",
  ["拣货", "打包", "扫码"], [], "仓库 分拣 打包", ["珠三角"],
  27.170, 108.815, 5000, "month", "junior", 29, [], "full_time",
  ["region_words"], "logistics warehouse sorting", ["prd"]),

S("S48", "女 56了 在凯里带孙子 孙子上学了 想做钟点工 家政 打扫卫生 市里 时间灵活点",
  ["打扫卫生", "做饭"], ["健康证"], "钟点工 家政 保洁", ["市里"],
  26.575, 107.975, 20, "hour", "primary", 56, ["older_worker"], "part_time",
  ["key_groups", "multi_want", "region_words"], "housekeeping cleaning publicwelfare", ["kaili"]),
]
