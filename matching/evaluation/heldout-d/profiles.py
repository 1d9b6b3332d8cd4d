from lib import PL
PROFS = []
def T(id, desc, skills, certs, wants, cities, home, sal, unit, edu, age, groups, avail, classes):
    lat, lng = (PL[home][1], PL[home][2]) if home else (None, None)
    PROFS.append(dict(id=id, self_description=desc, skills=skills, certificates=certs, desired_occupations=wants,
        desired_cities=cities, lat=lat, lng=lng, expected_salary_min=sal, expected_salary_unit=unit,
        education=edu, age=age, groups=groups, availability=avail, classes=classes, _home=home))

T("T01","在浙江服装厂踩了十年平车 做过T恤卫衣 ，现在小孩在西江读书要回来带 ，想在家附近找个活 ，早上送了娃去上班那种",
  ["平车","缝纫"],[],"", ["家附近","雷山"],"西江",2500,"month","junior",45,["rural_migrant"],"full_time",["near_home","vague_wants","real_text"])
T("T02","会计专业大专今年毕业，考了初级会计证，实习的时候在代理记账公司做过半年账，会用用友金蝶",
  ["做账","报税","Excel","用友"],["初级会计职称"],"会计，出纳也可以",["凯里","贵阳"],"凯里",3500,"month","college",22,["graduate"],"full_time",["graduates"])
T("T03","以前在工地扎钢筋 搬砖 什么都做 ，搬到金泉安置点来了 ，年纪大了出不去了 ，想在附近找点事做 ，日结最好",
  ["扎钢筋","杂工"],[],"工地小工 钢筋", ["安置点附近"],"金泉",150,"day","primary",52,["relocated","poverty_relieved","older_worker"],"gig",["near_home","key_groups","real_text"])
T("T04","初中毕业 在家耍了一年 想出去打工 ，老表在东莞 ，想进厂 电子厂 都可以 包吃住就行",
  [],[],"想进厂",["广东"],"榕江",4500,"month","junior",19,["rural_migrant"],"full_time",["vague_wants","region_words","real_text"])
T("T05","在电子厂做过三年流水线 后面做了一年QC 检验 ，老公在宁波上班 我想过去一起",
  ["流水线","质检","看卡尺"],[],"普工 质检",["宁波","浙江"],"从江",5000,"month","junior",31,["rural_migrant","poverty_relieved"],"full_time",["region_words","key_groups"])
T("T06","开了六年货车 4米2 9米6都开过 ，B2本 ，以前跑广东专线 现在想回州内 不想跑长途了",
  ["货车驾驶","装卸"],["B2驾照"],"货车司机 送货",["州内","凯里"],"凯里",6000,"month","junior",34,[],"full_time",["region_words"])
T("T07","英语专业本科应届 ，已拿初中英语教师资格证 ，实习在凯里一中带过初二 ，想当英语老师",
  ["英语教学","口语"],["初中英语教师资格证","英语专业八级"],"英语老师",["凯里","贵阳"],"凯里",4500,"month","bachelor",23,["graduate"],"full_time",["graduates"])
T("T08","卫校护理专业毕业 今年过了护士资格考试 想在凯里的医院当护士",
  ["静脉输液","基础护理"],["护士资格证"],"护士",["凯里"],"凯里",3000,"month","vocational",21,["graduate"],"full_time",["graduates"])
T("T09","计算机科学本科 离校半年 还没找到工作 ，做过毕设 会 Python 一点 Java ，想做软件测试 ，功能测试接口测试学过 Postman",
  ["Python","Postman","测试用例"],[],"软件测试",["贵阳","杭州","深圳"],"凯里",5000,"month","bachelor",24,["graduate"],"full_time",["graduates","region_words"])
T("T10","屋头是脱贫户 ，我今年58了 ，以前在食堂帮过厨 洗菜洗碗 ，想在施秉县城找个搞卫生或者食堂的活",
  ["洗菜","洗碗","打扫卫生"],[],"保洁 帮厨",["施秉县城"],"施秉",1800,"month","primary",58,["poverty_relieved","older_worker"],"full_time",["near_home","key_groups","real_text"])
T("T11","电焊工 干了15年 二保焊 氩弧焊都会 有焊工证 ，想去江浙沪 工资高的",
  ["二保焊","氩弧焊","看图"],["焊工证（熔化焊接与热切割）"],"电焊",["江浙沪"],"黎平",9000,"month","junior",38,["rural_migrant"],"full_time",["region_words"])
T("T12","啥都行 只要包吃住 工资高点 ，想出去外省 ，在家里没得钱赚",
  [],[],"啥都行",["外省"],"三穗",5000,"month","junior",35,["rural_migrant","low_income"],"full_time",["vague_wants","region_words","real_text","key_groups"])
T("T13","我会苗绣 破线绣 辫绣都会 从小跟妈学的 ，家里有老人走不开 想在家里绣 按件算钱的",
  ["苗绣","破线绣","辫绣"],[],"刺绣 绣片",["台江","家附近"],"台江",0,"piece","primary",42,["poverty_relieved"],"part_time",["near_home","key_groups"])
T("T14","想干服务行业 人比较开朗 ，以前在饭店干过几个月",
  ["接待"],[],"服务行业",["凯里","市里"],"凯里",2800,"month","senior",29,[],"full_time",["vague_wants","region_words"])
T("T15","在屋头养了十几年猪 还养过牛 会打针 ，猪瘟那年亏了 ，现在想去养殖场打工 州内的",
  ["养猪","养牛","防疫打针"],[],"养殖 饲养员",["州内"],"黄平",3500,"month","primary",50,["poverty_relieved","older_worker"],"full_time",["region_words","key_groups"])
T("T16","有育婴师证 带过3个宝宝 做过2年月嫂 ，想找月嫂或者育婴的活 ，贵阳或者去上海杭州都可以 工资高就行",
  ["月子餐","新生儿护理","早教"],["育婴员证（四级）","健康证"],"月嫂 育婴师",["贵阳","上海","杭州"],"雷山",8000,"month","junior",33,[],"full_time",["region_words","multi_want"])
T("T17","厨师 做了8年 黔菜湘菜都会 ，炒锅 ，有健康证 ，想在凯里或者贵阳",
  ["炒锅","黔菜","湘菜"],["健康证","中式烹调师（四级）"],"厨师",["凯里","贵阳"],"凯里",6000,"month","junior",26,[],"full_time",[])
T("T18","以前在酒店做客房阿姨 铺床打扫都熟 ，家在镇远 就想在古镇那边 民宿客栈都得",
  ["客房清洁","铺床"],[],"客房 民宿",["镇远"],"镇远",2800,"month","junior",46,[],"full_time",["near_home","real_text"])
T("T19","喜欢直播 自己抖音有两千多粉 ，想做主播 或者电商客服也行 ，去杭州义乌也可以 凯里也行",
  ["直播","抖音","打字快"],[],"主播，电商客服",["杭州","义乌","凯里"],None,4000,"month","senior",21,[],"full_time",["multi_want","region_words"])
T("T20","60岁了 身体还好 ，以前在林场干活 ，想找个看大门 当保安的 在锦屏县城",
  ["巡山","值班"],[],"保安 门卫",["锦屏"],"锦屏",1800,"month","primary",60,["older_worker","poverty_relieved"],"full_time",["near_home","key_groups"])
T("T21","有低压电工证 在装修队干过电工三年 ，也会修水管 ，想在凯里找电工 维修的活",
  ["布线","配电箱","水电维修"],["低压电工证"],"电工",["凯里"],"凯里",4000,"month","vocational",28,[],"full_time",[])
T("T22","工地上啥都干过 主要是木工支模板 还做过几年钢筋 ，想去广东 或者省内有活的地方",
  ["支模板","木工","钢筋"],[],"木工 模板",["广东","省内"],"从江",350,"day","primary",40,["rural_migrant"],"full_time",["region_words","multi_want","real_text"])
T("T23","我腿脚不方便 走路要拄拐 ，会电脑 打字一分钟70多 ，会Word Excel ，想找坐着的工作 文员客服之类",
  ["打字","Word","Excel"],["残疾人证"],"文员 客服",["凯里"],"凯里",2500,"month","senior",30,["hard_to_employ"],"full_time",["key_groups"])
T("T24","市场营销专业大专毕业一年了 一直没找到合适的 想先找个见习岗位积累经验 办公室的都可以",
  ["PPT","市场调研"],[],"见习 办公室",["州内"],"台江",2000,"month","college",23,["graduate"],"full_time",["graduates","vague_wants","region_words"])
T("T25","家里没人上班 老公生病 ，我想找个工作 什么都可以 公益性岗位也行 ，在三穗县城",
  [],[],"什么都可以",["三穗","县城"],"三穗",1800,"month","junior",37,["zero_employment_household","low_income"],"full_time",["vague_wants","near_home","key_groups"])
T("T26","男 20岁 我想学修车 喜欢捣鼓车子 ，没经验 可以当学徒",
  [],["C1驾照"],"汽修学徒",["凯里","贵阳"],"麻江",2000,"month","junior",20,[],"full_time",[])
T("T27","在深圳做了五年保安 退伍军人 ，回家两年了 还想去深圳 东莞那边",
  ["保安","巡逻","消防"],["保安员证"],"保安",["深圳","东莞"],"黎平",4500,"month","senior",44,["rural_migrant"],"full_time",[])
T("T28","要接送小孩 想找个时间固定点的 超市收银 或者卖衣服 导购 都可以 ，半天也行",
  ["收银","导购"],[],"收银员 导购",["凯里"],"凯里",2000,"month","senior",36,[],"part_time",["multi_want"])
T("T29","屋头在宣威 ，采过蓝莓 采过茶 ，想找按天算的",
  ["采摘","采茶"],[],"采摘 零工",["麻江","家附近"],"宣威",100,"day","primary",48,["poverty_relieved"],"gig",["near_home","key_groups","real_text"])
T("T30","在凯里送过一年外卖 路熟 ，有电动车 ，想找送快递或外卖的",
  ["配送","熟悉路线"],[],"快递员 骑手",["凯里"],"凯里",5000,"month","junior",34,[],"full_time",[])
T("T31","我是55岁的阿姨 ，带过孙子 照顾过瘫痪的老伴好几年 ，想找个带小孩或者照顾老人的活 住家也可以 贵阳凯里都行",
  ["带小孩","照顾老人","做饭"],[],"保姆 护理老人",["贵阳","凯里"],"雷山",4000,"month","primary",55,["older_worker"],"full_time",["multi_want","key_groups"])
T("T32","学前教育本科 今年毕业 有幼儿园教师资格证 ，想回剑河或者台江 当幼儿园老师",
  ["弹琴","舞蹈","绘画"],["幼儿园教师资格证"],"幼儿园老师",["剑河","台江"],"剑河",2800,"month","bachelor",24,["graduate"],"full_time",["graduates","near_home"])
T("T33","开挖机 8年 有挖掘机证 ，省内的活都可以 包吃住",
  ["挖掘机操作"],["挖掘机操作证"],"挖机司机",["省内"],"施秉",9000,"month","junior",39,[],"full_time",["region_words"])
T("T34","在厂里做过CNC 操机两年 会调机 会一点编程 三菱 法兰克 ，想去苏州 昆山 长三角那边",
  ["CNC操机","调机","FANUC"],[],"CNC",["苏州","昆山","长三角"],"岑巩",7000,"month","vocational",27,["rural_migrant"],"full_time",["region_words"])
T("T35","脱贫户 能吃苦 去哪都行 工厂 饭店 都可以 想去沿海",
  [],[],"工厂，饭店",["沿海"],"岑巩",5000,"month","junior",32,["poverty_relieved","rural_migrant"],"full_time",["vague_wants","region_words","multi_want","key_groups","real_text"])
T("T36","刚出来社会 什么都可以干 最好在贵阳",
  [],[],"什么都可以",["贵阳"],None,3000,"month","senior",22,[],"full_time",["vague_wants"])
T("T37","做水电安装二十多年 也会贴砖 ，年纪大了不想出远门 ，在天柱县城附近接点零活",
  ["水电安装","贴砖"],["低压电工证"],"水电 装修零活",["天柱","县城"],"天柱",250,"day","primary",51,["older_worker"],"gig",["near_home","key_groups"])
T("T38","执业药师 在药店干过4年 ，想在凯里找药店的工作",
  ["药品销售","处方审核"],["执业药师证"],"药师",["凯里"],"凯里",5000,"month","bachelor",29,[],"full_time",[])
T("T39","旅游管理大专 去年毕业 ，想去西江或者肇兴当导游或者民宿管家 ，普通话二甲",
  ["讲解","普通话二甲"],["普通话二级甲等"],"导游 民宿管家",["西江","肇兴"],"榕江",3000,"month","college",22,["graduate"],"full_time",["graduates","multi_want"])
T("T40","在浙江菌菇厂干过五年 制菌棒 出菇 都会 ，现在返乡 想在剑河家门口找食用菌的活",
  ["菌棒生产","出菇管理"],[],"食用菌",["剑河","家附近"],"剑河",3000,"month","junior",45,["rural_migrant"],"full_time",["near_home"])
T("T41","中专刚毕业 想去东莞 跟老乡一起进电子厂",
  [],[],"电子厂",["东莞"],None,5000,"month","vocational",19,["rural_migrant"],"full_time",[])
T("T42","搬到县城安置点两年 以前只会种田 ，年纪大了 外面也不要 ，想在安置点附近找点事 帮扶车间 打扫卫生 都可以",
  ["种田"],[],"",["安置点附近"],"榕江",1500,"month","primary",56,["relocated","poverty_relieved","older_worker"],"full_time",["near_home","key_groups","vague_wants"])
T("T43","雷山控拜人 打银饰十几年 錾花 拉丝都会 ，想找银饰加工 ，凯里西江都可以",
  ["錾刻","拉丝","银饰焊接"],[],"银匠 银饰加工",["凯里","西江"],"雷山",5000,"month","primary",38,[],"full_time",[])
T("T44","以前跑过美团 也开过滴滴 有C1 ，想找个开车的活",
  ["驾驶","配送"],["C1驾照"],"开车",["凯里"],"凯里",5000,"month","senior",33,[],"full_time",["multi_want"])
T("T45","汉语言文学本科 准备考编 ，先找个文员行政或者见习岗位过渡 ，在州府",
  ["写材料","Office"],[],"文员，行政，见习",["州府"],"凯里",2500,"month","bachelor",24,["graduate"],"full_time",["graduates","multi_want","region_words"])
T("T46","在饭店当过服务员 传菜 洗碗都做过 ，想在贵阳找个包吃住的",
  ["点菜","传菜","洗碗"],[],"饭店服务员",["贵阳"],"台江",3000,"month","primary",41,["rural_migrant"],"full_time",[])
T("T47","有叉车证 在物流仓干过四年 会电脑出入库 ，想做叉车或者仓管",
  ["叉车","出入库","盘点"],["叉车证（N1）"],"叉车 仓管",["贵阳","凯里"],"凯里",4500,"month","senior",35,[],"full_time",["multi_want"])
T("T48","62了 丹寨的 ，身体还可以 ，看门 护林 扫地 都行 不想离家太远",
  ["巡山"],[],"看门 护林 保洁",["丹寨","家附近"],"丹寨",1000,"month","primary",62,["older_worker","poverty_relieved"],"full_time",["near_home","key_groups","multi_want"])
T("T49","会做蜡染 画蜡 染色都会 在丹寨 ，也想教游客体验",
  ["画蜡","染色","蜡染"],[],"蜡染",["丹寨"],"丹寨",2500,"month","junior",30,[],"full_time",["near_home"])
T("T50","机电一体化大专应届 有低压电工证 想去宁波 慈溪 做电工 或者设备维修 技术员",
  ["PLC","电气接线","设备维护"],["低压电工证"],"电工 设备维修",["宁波","慈溪"],"三穗",6000,"month","college",21,["graduate"],"full_time",["graduates","multi_want"])
T("T51","在上海做过三年住家保姆 做饭好吃 会照顾老人 ，想回上海做住家",
  ["做饭","家务","照顾老人"],["健康证"],"住家保姆",["上海"],"台江",7000,"month","junior",47,["rural_migrant"],"full_time",[])
T("T52","想干装修 刷墙 乳胶漆 批灰 都会 在凯里做过几年了",
  ["刷乳胶漆","批腻子","打磨"],[],"油漆工",["凯里"],"凯里",280,"day","primary",37,[],"gig",["real_text"])
T("T53","搬到白午安置点一年了 ，小孩在附近读书 ，想在开发区那边找个厂上班 ，离家近点的 ，不会什么技术",
  [],[],"进厂",["凯里","家附近"],"白午",3000,"month","junior",38,["relocated","poverty_relieved"],"full_time",["vague_wants","near_home","key_groups"])
T("T54","在东莞电子厂拿烙铁焊板子焊了两年 ，手稳眼睛好 ，想换去苏州昆山那边 听说工资高些",
  ["手工焊锡","烙铁","插件"],[],"焊锡",["苏州","昆山"],"天柱",5500,"month","junior",25,["rural_migrant"],"full_time",["region_words","real_text"])
