# 50 seekers of 黔东南, each typed by hand as they would type on a phone.
# Fields follow eval-format.md. `graduates` and `key_groups` classes are checked against groups by validate.py.

PROFILES = []


def U(pid, text, skills, certs, want, cities, loc, sal, unit, edu, age, groups, avail, classes):
    lat, lng = loc if loc else (None, None)
    PROFILES.append(dict(id=pid, self_description=text, skills=list(skills), certificates=list(certs),
                         desired_occupations=want, desired_cities=list(cities), lat=lat, lng=lng,
                         expected_salary_min=sal, expected_salary_unit=unit, education=edu, age=age,
                         groups=list(groups), availability=avail, classes=list(classes)))


U("U01", "凯里职院护理专业今年6月毕业的，护考已经过了，想在凯里找医院当护士，州内县城医院也可以，见习岗也行先积累经验",
  ["静脉输液", "基础护理", "心电监护"], ["护士资格证"], "护士", ["凯里", "州内"],
  (26.585, 107.975), 3000, "month", "college", 22, ["graduate"], "full_time",
  ["graduates", "region_words"])

U("U02", "学前教育专业大专 去年毕业 资格证还在考 面试过了笔试还有一科 想在台江老家或者凯里的幼儿园上班 家里是脱贫户",
  ["弹琴", "舞蹈", "简笔画"], [], "幼儿园老师", ["台江", "凯里"],
  (26.670, 108.320), 2500, "month", "college", 21, ["graduate", "poverty_relieved"], "full_time",
  ["graduates", "key_groups", "near_home", "real_text"])

U("U03", "凯里学院会计学本科应届，已拿初级会计职称，会用金蝶和Excel。想做会计或出纳，只找凯里的，不做销售不做保险。",
  ["金蝶", "Excel", "报税"], ["初级会计职称"], "会计，出纳", ["凯里"],
  (26.550, 107.960), 3000, "month", "bachelor", 23, ["graduate"], "full_time",
  ["graduates", "multi_want"])

U("U04", "计算机科学与技术本科，在贵阳读的大学，会Java、MySQL、Linux基本操作，做过一个校园二手交易网站。想找开发或者运维，贵阳凯里都行，省内就好。",
  ["Java", "MySQL", "Linux", "Vue基础"], ["计算机二级"], "软件开发 运维 网管", ["贵阳", "凯里", "省内"],
  (26.570, 107.980), 4000, "month", "bachelor", 22, ["graduate"], "full_time",
  ["graduates", "region_words", "multi_want"])

U("U05", "旅游管理专科毕业，家在西江旁边的村子，会讲苗语，在西江景区实习过讲解。想在酒店或者景区、旅行社上班，西江 凯里 镇远都可以，州内的景区都行",
  ["景区讲解", "苗语", "订房系统", "短视频拍摄"], ["普通话二级甲等"], "酒店前台 景区服务 旅行社", ["西江", "凯里", "镇远", "州内"],
  (26.480, 108.160), 3000, "month", "college", 22, ["graduate"], "full_time",
  ["graduates", "region_words", "multi_want"])

U("U06", "机电一体化专业 大专刚毕业 有低压电工证 想做电工或设备维修 凯里有合适的就在凯里 没有就去沿海 广东浙江都可以",
  ["PLC", "电气接线", "钳工"], ["低压电工作业证"], "电工 设备维修", ["凯里", "沿海", "广东", "浙江"],
  (26.905, 107.915), 4000, "month", "college", 20, ["graduate"], "full_time",
  ["graduates", "region_words", "multi_want", "real_text"])

U("U07", "过完年跟老婆一起出去 去广东那边进厂 要包吃住的 最好夫妻能住一起 工资要6000以上 以前在东莞做过两年",
  ["流水线", "打螺丝"], [], "进厂", ["广东", "珠三角"],
  (25.620, 108.780), 6000, "month", "junior", 32, ["rural_migrant", "poverty_relieved"], "full_time",
  ["region_words", "vague_wants", "key_groups", "real_text"])

U("U08", "19岁女 初中毕业 想跟老乡一起去江浙沪或者广东 进厂或者当服务员都可以 不上夜班!!! 工资5000左右",
  [], [], "进厂 或 服务员", ["江浙沪", "广东"],
  (25.980, 108.450), 5000, "month", "junior", 19, ["rural_migrant"], "full_time",
  ["region_words", "multi_want", "vague_wants", "real_text"])

U("U09", "在宁波汽配厂干了8年 今年回来了 小孩要读书不想再出去 不去外省了 有叉车证 想找仓库 叉车 或者普工 镇远凯里都行 州内都可以 4000以上",
  ["开叉车", "仓库管理", "数控上下料"], ["叉车证"], "叉车工 仓库 普工", ["镇远", "凯里", "州内"],
  (27.050, 108.430), 4000, "month", "junior", 38, ["rural_migrant"], "full_time",
  ["region_words", "multi_want", "real_text"])

U("U10", "从义乌回来了 在那边做过电商仓库和客服 现在要带娃 只能上白天的班 晚上不行 想在凯里市区家附近找客服文员之类的",
  ["打字", "淘宝客服", "拣货"], [], "客服 文员 电商", ["凯里市区", "家附近"],
  (26.600, 108.000), 3000, "month", "senior", 29, ["rural_migrant"], "full_time",
  ["near_home", "region_words", "multi_want", "real_text"])

U("U11", "56岁 身体还好 想找个保安或者门卫 看仓库也可以 晚上值班也行 离家近点 我住三棵树",
  [], [], "保安 门卫 看仓库", ["三棵树", "家附近"],
  (26.520, 108.060), 2500, "month", "primary", 56, ["older_worker", "low_income"], "full_time",
  ["near_home", "region_words", "multi_want", "key_groups", "real_text"])

U("U12", "59岁 从旁海搬到白午安置点的 会做饭会搞卫生 想找保洁或者帮厨 就在安置点附近 远了不方便",
  ["做饭", "打扫卫生"], [], "保洁 帮厨", ["白午", "安置点附近"],
  (26.572, 108.005), 1800, "month", "primary", 59, ["relocated", "older_worker", "poverty_relieved"], "full_time",
  ["near_home", "region_words", "multi_want", "key_groups", "real_text"])

U("U13", "住在从江县城安置区 两个小孩读书要接送 只能在安置点附近做事 啥子都可以做 会一点假发的活",
  ["勾发"], [], "啥都可以", ["安置点附近", "从江县城"],
  (25.763, 108.915), 0, "month", "primary", 35, ["relocated", "poverty_relieved"], "full_time",
  ["near_home", "region_words", "vague_wants", "key_groups", "real_text"])

U("U14", "榕江安置区的 腰不好不能干重活 想在安置区找个轻松点的事做 坐着的最好",
  [], [], "轻松的活 不要重活", ["榕江", "安置点附近"],
  (25.920, 108.535), 2000, "month", "junior", 45, ["relocated", "poverty_relieved", "hard_to_employ"], "full_time",
  ["near_home", "region_words", "vague_wants", "key_groups", "real_text"])

U("U15", "我是侗族 会侗绣 住黎平县城安置区 想在家门口做点绣活 或者安置区里面的工作",
  ["侗绣", "织布"], [], "刺绣 安置区工作", ["黎平", "安置点附近"],
  (26.240, 109.145), 1500, "month", "primary", 50, ["relocated", "poverty_relieved", "older_worker"], "both",
  ["near_home", "region_words", "multi_want", "key_groups"])

U("U16", "家里老人瘫在床上走不开 出不去打工 想在宰便附近找点事 会喂猪 种养殖的都行 公益岗也想报",
  ["养猪", "种地"], [], "种养殖 公益性岗位", ["宰便", "家附近", "从江"],
  (25.700, 108.660), 1500, "month", "primary", 48, ["poverty_relieved", "low_income"], "full_time",
  ["near_home", "region_words", "vague_wants", "multi_want", "key_groups", "real_text"])

U("U17", "60岁了 丹寨龙泉镇附近村里 脱贫户 想做村里的公益岗 或者附近采茶 打零工都可以",
  ["采茶", "种地"], [], "公益岗 采茶 零工", ["丹寨", "家附近"],
  (26.220, 107.810), 0, "day", "primary", 60, ["poverty_relieved", "older_worker"], "both",
  ["near_home", "region_words", "multi_want", "key_groups", "real_text"])

U("U18", "62岁 以前在工地做小工 身体还硬朗 想在雷山或者凯里找工地的零工 日结的",
  ["搬砖", "拌灰", "挖土"], [], "工地零工", ["雷山", "凯里"],
  (26.400, 108.100), 150, "day", "primary", 62, ["older_worker", "low_income"], "gig",
  ["vague_wants", "key_groups", "real_text"])

U("U19", "耳朵听不太清 有残疾证 家里没人上班 镇远户口 想在镇远县城做保洁或者公益岗",
  ["打扫卫生"], ["残疾人证"], "保洁 公益性岗位", ["镇远", "县城"],
  (27.045, 108.425), 1700, "month", "junior", 45, ["hard_to_employ", "zero_employment_household"], "full_time",
  ["near_home", "region_words", "multi_want", "key_groups"])

U("U20", "52岁，原来在凯里纺织厂，厂倒了，已经认定就业困难人员，凯里户口。想找保洁、公益性岗位，钟点工也行。住洗马河。",
  ["保洁", "做家务"], ["健康证"], "保洁 公益性岗位 钟点工", ["凯里"],
  (26.580, 107.970), 1800, "month", "junior", 52, ["hard_to_employ", "older_worker"], "both",
  ["multi_want", "key_groups"])

U("U21", "男41 高中 C1照开了十年 保安或者仓库 司机也行 凯里最好 州内都行 3500以上",
  ["开车", "电脑简单操作"], ["C1驾驶证"], "保安 仓库 司机", ["凯里", "州内"],
  (26.620, 107.960), 3500, "month", "senior", 41, [], "full_time",
  ["multi_want", "region_words", "real_text"])

U("U22", "B2照 开了8年货车 想开货车 跑长途也可以 省内最好 外省也行",
  ["开货车", "装卸"], ["B2驾驶证"], "货车司机", ["省内", "外省"],
  (26.950, 108.670), 6000, "month", "junior", 35, ["rural_migrant"], "full_time",
  ["region_words"])

U("U23", "想找服务行业的工作 在州府凯里 不上夜班 有健康证",
  [], ["健康证"], "服务行业", ["州府", "凯里"],
  (26.570, 107.980), 3000, "month", "senior", 24, [], "full_time",
  ["vague_wants", "region_words"])

U("U24", "工地的活都会干 贴砖砌墙都行 哪里钱多就去哪里 外省也去 一天要300以上",
  ["贴砖", "砌墙", "抹灰"], [], "工地", ["不限", "外省"],
  (26.950, 109.250), 300, "day", "junior", 44, ["rural_migrant", "poverty_relieved"], "full_time",
  ["vague_wants", "region_words", "key_groups", "real_text"])

U("U25", "在家养过几年鸭子 想找种养殖方面的工作 三穗本地或者附近",
  ["养鸭", "防疫打针"], [], "种养殖", ["三穗", "附近"],
  (26.990, 108.620), 3000, "month", "junior", 38, ["rural_migrant", "low_income"], "full_time",
  ["vague_wants", "near_home", "region_words", "key_groups"])

U("U26", "在东莞进厂5年 不想再进厂了 想学门技术 汽修或者开车都行 C1照4年",
  ["开车"], ["C1驾驶证"], "汽修 开车", ["凯里"],
  (26.550, 107.950), 3000, "month", "senior", 27, ["rural_migrant"], "full_time",
  ["multi_want", "real_text"])

U("U27", "市场营销专业大专毕业，但是不想做销售，不要拉业务打电话推销的。想做文员、行政或者电商运营，在凯里。",
  ["Office", "PS基础", "剪映"], [], "文员 行政 电商运营", ["凯里"],
  (26.565, 107.985), 3000, "month", "college", 23, ["graduate"], "full_time",
  ["graduates", "multi_want"])

U("U28", "学前教育本科 有幼儿园教师资格证 想去深圳或者贵阳的幼儿园 广东其他城市也可以考虑",
  ["钢琴", "舞蹈", "手工"], ["幼儿园教师资格证"], "幼儿教师", ["深圳", "广东", "贵阳"],
  (26.570, 107.980), 4000, "month", "bachelor", 22, ["graduate"], "full_time",
  ["graduates", "region_words"])

U("U29", "计算机应用技术专科 去年毕业还没找到工作 家里脱贫户 想找坐办公室用电脑的 剑河县城或者凯里 不去外省",
  ["Office", "装系统", "PS"], ["计算机一级"], "办公室 电脑相关", ["剑河", "县城", "凯里"],
  (26.714, 108.457), 2500, "month", "college", 21, ["graduate", "poverty_relieved"], "full_time",
  ["graduates", "key_groups", "region_words", "near_home", "real_text"])

U("U30", "机电一体化专科应届 想去长三角的厂里做技术员 学点真本事 会看图纸 会用CAD",
  ["CAD", "看图纸", "数控基础"], [], "技术员 设备 数控", ["长三角"],
  (27.034, 108.124), 5000, "month", "college", 23, ["graduate"], "full_time",
  ["graduates", "region_words", "real_text"])

U("U31", "过完年想跟村里的人一起出去 去广东福建都可以 想进电子厂 40岁了不知道还要不要",
  ["流水线"], [], "电子厂", ["广东", "福建"],
  (26.450, 109.000), 5000, "month", "junior", 40, ["poverty_relieved", "rural_migrant"], "full_time",
  ["region_words", "key_groups", "real_text"])

U("U32", "57岁 住炉山 以前在砖厂干活 想找厂里的活或者保安 离家近的 不想跑远",
  ["搬运", "看门"], [], "厂里 保安", ["炉山", "家附近"],
  (26.690, 107.870), 2500, "month", "primary", 57, ["older_worker", "rural_migrant"], "full_time",
  ["near_home", "region_words", "multi_want", "key_groups", "real_text"])

U("U33", "啥都行 能挣钱就行 凯里贵阳都可以 别太累",
  [], [], "啥都行", ["凯里", "贵阳"],
  (26.575, 107.985), 4000, "month", "junior", 19, [], "full_time",
  ["vague_wants", "real_text"])

U("U34", "会绣花",
  ["苗绣"], [], "", [],
  (26.810, 108.250), 0, "month", "primary", 47, [], "both",
  ["vague_wants", "real_text"])

U("U35", "三穗城南安置区 零就业家庭 腿脚不方便 走不了远路 能坐着干的活都可以 户口还在村里",
  ["手工"], ["残疾人证"], "坐着干的活", ["三穗", "安置点附近"],
  (26.945, 108.660), 1500, "month", "junior", 30, ["relocated", "zero_employment_household", "hard_to_employ", "poverty_relieved"], "full_time",
  ["near_home", "region_words", "vague_wants", "key_groups", "real_text"])

U("U36", "听力残疾 不能接打电话 计算机专业大专 打字快 会做表格 会PS 凯里户口 想找不用打电话的电脑工作",
  ["打字", "Excel", "PS"], ["残疾人证", "计算机二级"], "电脑工作 文员 录入", ["凯里"],
  (26.567, 107.981), 2500, "month", "college", 33, ["hard_to_employ"], "full_time",
  ["key_groups", "real_text"])

U("U37", "宣威镇的 农闲的时候想做点零工 基地的活或者镇上车间都可以",
  ["种地", "修果树"], [], "基地零工 车间", ["宣威", "镇上", "麻江"],
  (26.570, 107.660), 100, "day", "junior", 36, ["low_income"], "gig",
  ["near_home", "region_words", "multi_want", "key_groups"])

U("U38", "在杭州工地干了10年钢筋 老爸生病回来了 不去外省了 想在凯里或者麻江找钢筋工的活",
  ["钢筋绑扎", "看图下料"], [], "钢筋工", ["凯里", "麻江"],
  (26.500, 107.600), 300, "day", "junior", 43, ["rural_migrant"], "full_time",
  ["region_words", "real_text"])

U("U39", "在晋江鞋厂做了6年针车 熟手 现在回岑巩了 住安置区 想在县城找针车的活",
  ["针车", "平车"], [], "针车工", ["岑巩", "县城"],
  (27.170, 108.820), 3000, "month", "junior", 34, ["rural_migrant", "relocated"], "full_time",
  ["near_home", "region_words", "key_groups"])

U("U40", "男护 护理大专 前年毕业 有护士执业证 在县医院做过一年合同 想找省内的医院 杭州也想试试",
  ["急诊护理", "静脉穿刺"], ["护士执业证书"], "护士", ["省内", "杭州"],
  (26.560, 107.970), 4000, "month", "college", 24, ["graduate"], "full_time",
  ["graduates", "region_words"])

U("U41", "61岁 旧州的 种了一辈子地 想在家附近做点农活 日结的",
  ["种菜", "育苗"], [], "农活", ["旧州", "家附近"],
  (26.990, 107.740), 80, "day", "primary", 61, ["older_worker", "poverty_relieved"], "gig",
  ["near_home", "region_words", "vague_wants", "key_groups", "real_text"])

U("U42", "两口子一起出去 福建浙江都可以 要有夫妻房 我47老婆45 都是初中",
  ["流水线", "搬运"], [], "进厂 夫妻工", ["福建", "浙江"],
  (26.700, 109.250), 5000, "month", "junior", 47, ["rural_migrant", "poverty_relieved"], "full_time",
  ["region_words", "vague_wants", "key_groups", "real_text"])

U("U43", "做了二十多年木工 会开锯 想在天柱锦屏或者湖南怀化那边找木材厂的活",
  ["木工", "开锯", "木材加工"], [], "木工 木材厂", ["天柱", "锦屏", "怀化", "湖南"],
  (26.910, 109.210), 3500, "month", "primary", 50, ["older_worker", "rural_migrant"], "full_time",
  ["region_words", "key_groups"])

U("U44", "63岁 退休了闲不住 想找个看门的 轻松点 住大十字附近",
  [], [], "门卫 看门", ["大十字", "家附近"],
  (26.566, 107.983), 2000, "month", "senior", 63, ["older_worker"], "full_time",
  ["near_home", "region_words", "key_groups"])

U("U45", "17岁 初中毕业了 想跟我姐去广东进厂",
  [], [], "进厂", ["广东"],
  (25.800, 108.950), 4000, "month", "junior", 17, ["rural_migrant"], "full_time",
  ["region_words", "vague_wants", "real_text"])

U("U46", "会计本科应届，有初级会计证，舅舅在宁波，想去宁波或者长三角其他城市做会计。",
  ["用友", "Excel", "报税"], ["初级会计职称"], "会计", ["宁波", "长三角", "江浙沪"],
  (26.560, 107.980), 5000, "month", "bachelor", 22, ["graduate"], "full_time",
  ["graduates", "region_words"])

U("U47", "现在在凯里跑外卖 想多找几个来钱的 网约车代驾也想做 C1照7年 时间灵活的最好",
  ["骑电动车", "开车", "熟悉凯里路线"], ["C1驾驶证"], "外卖 网约车 代驾", ["凯里"],
  (26.575, 107.975), 5000, "month", "senior", 30, [], "both",
  ["multi_want", "real_text"])

U("U48", "榕江安置区 20岁 想跟协作站的直通车去浙江 进厂或者仓库都可以",
  [], [], "进厂 仓库", ["浙江"],
  (25.921, 108.533), 5500, "month", "junior", 20, ["relocated", "poverty_relieved"], "full_time",
  ["region_words", "vague_wants", "key_groups", "multi_want", "real_text"])

U("U49", "老公生病了要照顾 不能出去 想在剑河县城或者附近找事做 啥都可以",
  ["种地", "做饭"], [], "啥都可以", ["剑河", "县城", "附近"],
  (26.730, 108.470), 2000, "month", "junior", 42, ["poverty_relieved", "low_income"], "full_time",
  ["near_home", "region_words", "vague_wants", "key_groups", "real_text"])

U("U50", "住白午安置区 小孩上幼儿园 只能上白班 计件的也可以 最好在家门口",
  ["缝纫机"], [], "车间 白班", ["白午", "家门口"],
  (26.573, 108.006), 2000, "month", "senior", 27, ["relocated"], "full_time",
  ["near_home", "region_words", "key_groups", "real_text"])
