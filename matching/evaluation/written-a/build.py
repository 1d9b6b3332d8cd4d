#!/usr/bin/env python3
"""Build evaluation set "written-a" for the 就业通 job matcher (黔东南州).

Standard library only, deterministic (fixed seed, no set iteration in output paths).
Writes postings.jsonl, profiles.jsonl, judgments.jsonl next to this file.

The hidden truth (what trade each posting is really for, where it really is, what each
seeker would really take and where they would go) lives only in this script. The
grading rules are implemented in grade_pair() and described in README.md.

Written from /work/shared/docs/domain.md and /work/eval-format.md only; no product
code, taxonomy or dev set was read.
"""
import hashlib
import json
import math
import os
import random
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20230415

# ---------------------------------------------------------------------------
# 1. Geography: places where postings are, with real coordinates (approximate)
# ---------------------------------------------------------------------------
L = {}


def loc(key, prov, pref, county, lat, lng, names, dnames=("",)):
    L[key] = dict(key=key, prov=prov, pref=pref, county=county, lat=lat, lng=lng,
                  names=list(names), dnames=list(dnames))


QDN = "黔东南"
# --- 黔东南州 (Guizhou) ---
loc("kl", "贵州", QDN, "凯里", 26.5827, 107.9810, ["凯里", "凯里市", "黔东南州凯里市", "凯里市区"],
    ["大十字街道", "西门街道", "洗马河街道", "湾溪街道", ""])
loc("kl_kfq", "贵州", QDN, "凯里", 26.5480, 107.9520, ["凯里", "凯里市", "凯里经开区"], ["凯里经济开发区", "开怀街道"])
loc("kl_ls", "贵州", QDN, "凯里", 26.6880, 107.8840, ["凯里", "凯里市"], ["炉山镇", "炉山工业园区"])
loc("dz", "贵州", QDN, "丹寨", 26.1985, 107.7887, ["丹寨", "丹寨县"], ["龙泉镇", "万达小镇", ""])
loc("dz_jz", "贵州", QDN, "丹寨", 26.2250, 107.8050, ["丹寨县", "丹寨"], ["金钟经济开发区"])
loc("mj", "贵州", QDN, "麻江", 26.4916, 107.5934, ["麻江", "麻江县"], ["杏山街道", ""])
loc("mj_xs", "贵州", QDN, "麻江", 26.4680, 107.6500, ["麻江县", "麻江"], ["下司镇", "下司古镇"])
loc("mj_lm", "贵州", QDN, "麻江", 26.5800, 107.5700, ["麻江县", "麻江"], ["宣威镇", "宣威镇蓝莓基地"])
loc("hp", "贵州", QDN, "黄平", 26.9053, 107.9163, ["黄平", "黄平县"], ["新州镇", ""])
loc("hp_jz", "贵州", QDN, "黄平", 26.9850, 107.7450, ["黄平县"], ["旧州镇"])
loc("sb", "贵州", QDN, "施秉", 27.0330, 108.1240, ["施秉", "施秉县"], ["城关镇", ""])
loc("zy", "贵州", QDN, "镇远", 27.0497, 108.4294, ["镇远", "镇远县"], ["舞阳镇", "镇远古城", ""])
loc("cg", "贵州", QDN, "岑巩", 27.1737, 108.8163, ["岑巩", "岑巩县"], ["思旸镇"])
loc("ss", "贵州", QDN, "三穗", 26.9530, 108.6770, ["三穗", "三穗县"], ["八弓镇", "三穗工业园区"])
loc("tz", "贵州", QDN, "天柱", 26.9092, 109.2068, ["天柱", "天柱县"], ["凤城街道"])
loc("jp", "贵州", QDN, "锦屏", 26.6763, 109.2003, ["锦屏", "锦屏县"], ["三江镇"])
loc("jh", "贵州", QDN, "剑河", 26.7278, 108.4409, ["剑河", "剑河县"], ["革东镇"])
loc("jh_yas", "贵州", QDN, "剑河", 26.7400, 108.4580, ["剑河", "剑河县"], ["仰阿莎街道", "仰阿莎街道安置区"])
loc("tj", "贵州", QDN, "台江", 26.6685, 108.3213, ["台江", "台江县"], ["台拱街道", ""])
loc("ls", "贵州", QDN, "雷山", 26.3782, 108.0775, ["雷山", "雷山县"], ["丹江镇", ""])
loc("ls_xj", "贵州", QDN, "雷山", 26.4975, 108.1780, ["雷山县", "西江", "雷山"], ["西江镇", "西江千户苗寨"])
loc("rj", "贵州", QDN, "榕江", 25.9318, 108.5210, ["榕江", "榕江县"], ["古州镇", ""])
loc("rj_az", "贵州", QDN, "榕江", 25.9460, 108.5080, ["榕江", "榕江县"], ["古州镇安置区", "城北安置区"])
loc("cj", "贵州", QDN, "从江", 25.7534, 108.9055, ["从江", "从江县"], ["丙妹镇", ""])
loc("lp", "贵州", QDN, "黎平", 26.2307, 109.1364, ["黎平", "黎平县"], ["德凤街道", ""])
loc("lp_zx", "贵州", QDN, "黎平", 25.9105, 109.1755, ["黎平县", "肇兴"], ["肇兴镇", "肇兴侗寨"])
# --- rest of Guizhou ---
loc("gy_gsh", "贵州", "贵阳", "观山湖区", 26.6160, 106.6260, ["贵阳", "贵阳市"], ["观山湖区"])
loc("gy_by", "贵州", "贵阳", "白云区", 26.6780, 106.6230, ["贵阳", "贵阳市"], ["白云区"])
loc("gy_hx", "贵州", "贵阳", "花溪区", 26.4100, 106.6700, ["贵阳", "贵阳市"], ["花溪区"])
loc("gy_nm", "贵州", "贵阳", "南明区", 26.5680, 106.7140, ["贵阳", "贵阳市"], ["南明区"])
loc("gy_yy", "贵州", "贵阳", "云岩区", 26.6050, 106.7130, ["贵阳", "贵阳市"], ["云岩区"])
loc("gy_sl", "贵州", "贵阳", "双龙经济区", 26.5400, 106.8000, ["贵阳", "贵阳市"], ["双龙航空港经济区"])
loc("zyi_hc", "贵州", "遵义", "汇川区", 27.7500, 106.9350, ["遵义", "遵义市"], ["汇川区"])
loc("zyi_hhg", "贵州", "遵义", "红花岗区", 27.6940, 106.9200, ["遵义", "遵义市"], ["红花岗区"])
loc("zyi_mt", "贵州", "遵义", "湄潭县", 27.7660, 107.4660, ["湄潭", "遵义湄潭", "湄潭县"], [""])
loc("dy", "贵州", "黔南", "都匀", 26.2595, 107.5180, ["都匀", "都匀市"], [""])
# --- 广东 ---
loc("dg_ca", "广东", "东莞", "长安镇", 22.8160, 113.8040, ["东莞", "东莞市", "广东东莞"], ["长安镇"])
loc("dg_hm", "广东", "东莞", "虎门镇", 22.8150, 113.6730, ["东莞", "东莞市"], ["虎门镇"])
loc("dg_ts", "广东", "东莞", "塘厦镇", 22.8060, 114.0750, ["东莞", "东莞市"], ["塘厦镇"])
loc("dg_hj", "广东", "东莞", "厚街镇", 22.9410, 113.6730, ["东莞", "东莞市"], ["厚街镇"])
loc("dg_ssh", "广东", "东莞", "松山湖", 22.9180, 113.8860, ["东莞", "东莞市"], ["松山湖"])
loc("dg_fg", "广东", "东莞", "凤岗镇", 22.7440, 114.1410, ["东莞", "东莞市"], ["凤岗镇"])
loc("sz_ba", "广东", "深圳", "宝安区", 22.5550, 113.8840, ["深圳", "深圳市", "深圳宝安"], ["宝安区", "福永", "沙井"])
loc("sz_lh", "广东", "深圳", "龙华区", 22.6570, 114.0430, ["深圳", "深圳市"], ["龙华区"])
loc("sz_lg", "广东", "深圳", "龙岗区", 22.7210, 114.2470, ["深圳", "深圳市"], ["龙岗区", "坪地"])
loc("sz_gm", "广东", "深圳", "光明区", 22.7490, 113.9360, ["深圳", "深圳市"], ["光明区"])
loc("sz_ns", "广东", "深圳", "南山区", 22.5330, 113.9300, ["深圳", "深圳市"], ["南山区"])
loc("gz_by", "广东", "广州", "白云区", 23.1580, 113.2730, ["广州", "广州市"], ["白云区"])
loc("gz_py", "广东", "广州", "番禺区", 22.9370, 113.3840, ["广州", "广州市"], ["番禺区"])
loc("gz_hd", "广东", "广州", "花都区", 23.4040, 113.2200, ["广州", "广州市"], ["花都区"])
loc("gz_zc", "广东", "广州", "增城区", 23.2910, 113.8290, ["广州", "广州市"], ["增城区", "新塘"])
loc("gz_th", "广东", "广州", "天河区", 23.1250, 113.3610, ["广州", "广州市"], ["天河区"])
loc("fs_sd", "广东", "佛山", "顺德区", 22.8050, 113.2930, ["佛山", "佛山市", "佛山顺德"], ["顺德区", "北滘"])
loc("fs_nh", "广东", "佛山", "南海区", 23.0290, 113.1430, ["佛山", "佛山市"], ["南海区"])
loc("zs_gz", "广东", "中山", "古镇镇", 22.6120, 113.1900, ["中山", "中山市", "中山古镇"], ["古镇镇"])
loc("zs_xl", "广东", "中山", "小榄镇", 22.6670, 113.2440, ["中山", "中山市"], ["小榄镇"])
loc("hz_hc", "广东", "惠州", "惠城区", 23.1115, 114.4160, ["惠州", "惠州市"], ["惠城区", "仲恺"])
# --- 浙江 ---
loc("nb_cx", "浙江", "宁波", "慈溪市", 30.1700, 121.2660, ["慈溪", "宁波慈溪", "慈溪市"], [""])
loc("nb_yy", "浙江", "宁波", "余姚市", 30.0370, 121.1550, ["余姚", "宁波余姚"], [""])
loc("nb_bl", "浙江", "宁波", "北仑区", 29.8990, 121.8440, ["宁波", "宁波市", "宁波北仑"], ["北仑区"])
loc("nb_yz", "浙江", "宁波", "鄞州区", 29.8170, 121.5470, ["宁波", "宁波市"], ["鄞州区"])
loc("wz_lc", "浙江", "温州", "鹿城区", 28.0150, 120.6550, ["温州", "温州市"], ["鹿城区"])
loc("wz_ra", "浙江", "温州", "瑞安市", 27.7780, 120.6550, ["瑞安", "温州瑞安"], [""])
loc("wz_yq", "浙江", "温州", "乐清市", 28.1130, 120.9830, ["乐清", "温州乐清"], ["柳市镇", ""])
loc("hz_xs", "浙江", "杭州", "萧山区", 30.1840, 120.2640, ["杭州", "杭州市", "杭州萧山"], ["萧山区"])
loc("hz_yh", "浙江", "杭州", "余杭区", 30.4190, 120.3010, ["杭州", "杭州市"], ["余杭区"])
loc("hz_sc", "浙江", "杭州", "上城区", 30.2420, 120.1700, ["杭州", "杭州市"], ["上城区"])
loc("yw", "浙江", "金华", "义乌市", 29.3060, 120.0750, ["义乌", "义乌市", "浙江义乌"], [""])
loc("tz_wl", "浙江", "台州", "温岭市", 28.3720, 121.3860, ["温岭", "台州温岭"], [""])
loc("tz_lq", "浙江", "台州", "路桥区", 28.5820, 121.3650, ["台州", "台州市"], ["路桥区"])
loc("tz_hy", "浙江", "台州", "黄岩区", 28.6500, 121.2620, ["台州", "台州黄岩"], ["黄岩区"])
# --- 江苏 / 上海 ---
loc("suz_gyy", "江苏", "苏州", "苏州工业园区", 31.3180, 120.7230, ["苏州", "苏州市", "苏州园区"], ["工业园区"])
loc("suz_wj", "江苏", "苏州", "吴江区", 31.1600, 120.6450, ["苏州", "苏州吴江", "吴江"], ["吴江区"])
loc("suz_xc", "江苏", "苏州", "相城区", 31.3690, 120.6420, ["苏州", "苏州市"], ["相城区"])
loc("ks", "江苏", "苏州", "昆山市", 31.3850, 120.9810, ["昆山", "昆山市", "江苏昆山"], ["周市镇", "陆家镇", ""])
loc("sh_sj", "上海", "上海", "松江区", 31.0320, 121.2280, ["上海", "上海市", "上海松江"], ["松江区"])
loc("sh_jd", "上海", "上海", "嘉定区", 31.3750, 121.2650, ["上海", "上海市"], ["嘉定区"])
loc("sh_qp", "上海", "上海", "青浦区", 31.1510, 121.1240, ["上海", "上海市"], ["青浦区"])
loc("sh_pd", "上海", "上海", "浦东新区", 31.2210, 121.5440, ["上海", "上海市"], ["浦东新区"])
# --- 福建 ---
loc("xm_jm", "福建", "厦门", "集美区", 24.5760, 118.0970, ["厦门", "厦门市"], ["集美区"])
loc("xm_ta", "福建", "厦门", "同安区", 24.7230, 118.1520, ["厦门", "厦门市"], ["同安区"])
loc("xm_hl", "福建", "厦门", "湖里区", 24.5120, 118.1460, ["厦门", "厦门市"], ["湖里区"])
loc("qz_fz", "福建", "泉州", "丰泽区", 24.8880, 118.6130, ["泉州", "泉州市"], ["丰泽区"])
loc("jj", "福建", "泉州", "晋江市", 24.7810, 118.5520, ["晋江", "晋江市", "泉州晋江"], ["陈埭镇", ""])

EAST_PROVS = ("广东", "浙江", "江苏", "上海", "福建")
REGIONS = {
    # 珠三角: the nine Pearl River Delta prefectures
    "PRD": dict(prefs=("广州", "深圳", "佛山", "东莞", "中山", "珠海", "江门", "肇庆", "惠州")),
    # 长三角 (official scope): Shanghai, Jiangsu, Zhejiang, Anhui
    "YRD": dict(provs=("上海", "江苏", "浙江", "安徽")),
    "JZH": dict(provs=("上海", "江苏", "浙江")),  # 江浙沪
    "COAST": dict(provs=("广东", "福建", "浙江", "江苏", "上海", "山东", "天津", "河北", "辽宁", "广西", "海南")),  # 沿海
}


def haversine(a, b):
    (la1, lo1), (la2, lo2) = a, b
    r = 6371.0
    p1, p2 = math.radians(la1), math.radians(la2)
    dp = p2 - p1
    dl = math.radians(lo2 - lo1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(h))


# ---------------------------------------------------------------------------
# 2. Trades (my own words; broad field; title and duty vocabulary for postings)
# ---------------------------------------------------------------------------
# id: (field, plain description, posting titles, duty phrases)
TR = {
    "line_worker": ("MFG", "general factory operative: assembly line, machine minding, packing",
                    ["普工", "操作工", "流水线普工", "装配工", "包装工", "生产普工", "作业员", "车间工人", "长白班普工"],
                    ["流水线作业，简单易学，新手有人带", "坐着上班，不穿无尘服", "组装小配件、打螺丝、贴标签",
                     "上下料，看机器，不累", "产品包装、装箱、贴标", "按作业指导书操作，一学就会"]),
    "sewing": ("MFG", "garment sewing machinist",
               ["车位", "车缝工", "平车工", "衣车工", "缝纫工", "熟手车位", "针车工"],
               ["会踩平车，熟手优先", "做女装、童装，流水作业", "单件流，款式简单", "拷边、平车都要"]),
    "qc": ("MFG", "quality inspector in a factory",
           ["质检员", "QC", "品检员", "检验员", "全检员"],
           ["检查产品外观，挑出不良品", "来料检验、出货检验", "按图纸和样品核对"]),
    "forklift": ("MFG", "forklift driver", ["叉车司机", "叉车工", "电动叉车司机"],
                 ["厂内叉车装卸货", "仓库叉车作业，上下架"]),
    "warehouse": ("MFG", "warehouse hand: picking, sorting, packing, stock keeping",
                  ["仓管员", "分拣员", "打包员", "拣货员", "理货员", "库房管理员"],
                  ["扫码拣货打包", "货物分拣、上架", "出入库登记，会电脑优先"]),
    "cnc": ("MET", "CNC / machining-centre operator or setter",
            ["CNC操机员", "CNC调机师傅", "数控车床操作工", "加工中心操作员", "CNC学徒"],
            ["看机、上下料、测量", "会调机看图纸", "有师傅带，包教包会"]),
    "welder": ("MET", "welder (arc / CO2 / TIG)",
               ["电焊工", "焊工", "氩弧焊工", "二保焊工", "焊接工"],
               ["钢结构焊接", "二保焊、氩弧焊", "焊接机架、钢构件"]),
    "construction_labor": ("CON", "construction-site general labourer",
                           ["工地小工", "建筑杂工", "普工（工地）", "小工", "建筑工人", "杂工"],
                           ["搬运材料、清理现场", "配合师傅干活", "和灰、搬砖、打杂"]),
    "mason": ("CON", "bricklayer / tiler / plasterer",
              ["泥工", "瓦工", "砌砖工", "贴砖师傅", "抹灰工", "泥水工"],
              ["砌墙抹灰", "室内贴砖", "砌筑、批荡"]),
    "carpenter": ("CON", "carpenter (formwork or furniture)",
                  ["木工", "模板工", "支模木工", "木工师傅"],
                  ["主体模板支设", "支模拆模", "木作安装"]),
    "rebar": ("CON", "steel fixer (rebar)", ["钢筋工", "扎钢筋工人", "钢筋班组工人"],
              ["钢筋绑扎", "钢筋制作安装", "点工、包工均可"]),
    "painter": ("CON", "painter / putty / wall finishing",
                ["油漆工", "腻子工", "刷墙师傅", "涂料工", "乳胶漆工"],
                ["批腻子、刷乳胶漆", "外墙涂料", "室内墙面翻新"]),
    "decor_plumbing": ("CON", "home-renovation plumbing and wiring installer",
                       ["水电工", "装修水电师傅", "水电安装工", "水暖工"],
                       ["家装水电开槽布管", "水电安装维修", "会看图，能独立施工"]),
    "electrician": ("MET", "licensed electrician (maintenance / industrial / property)",
                    ["电工", "维修电工", "物业电工", "值班电工", "设备电工"],
                    ["设备电路维护", "配电房值班", "厂区电气检修"]),
    "site_engineer": ("ENG", "construction technician / document controller (graduate level)",
                      ["施工员", "资料员", "土建技术员", "安全员"],
                      ["现场施工管理", "工程资料整理归档", "配合项目经理"]),
    "driver_small": ("DRV", "car or van driver", ["司机", "小车司机", "送货司机", "商务车司机", "C1司机"],
                     ["市区送货", "接送领导", "开面包车配送"]),
    "driver_truck": ("DRV", "truck driver", ["货车司机", "大车司机", "重卡司机", "半挂司机", "9.6米货车司机"],
                     ["跑省内线路", "跑长途，两人一车", "短途拉货"]),
    "delivery": ("DRV", "delivery rider / courier", ["外卖骑手", "快递员", "配送员", "送餐员", "专送骑手"],
                 ["送外卖，时间自由", "片区快递收派", "同城配送"]),
    "mover": ("LAB", "loader / mover / porter", ["装卸工", "搬运工", "卸货工", "搬家师傅", "力工"],
              ["装卸货车", "仓库搬货", "搬家搬运"]),
    "kitchen_helper": ("FOOD", "kitchen hand / dishwasher", ["帮厨", "洗碗工", "切配", "厨房杂工", "打荷", "食堂帮工"],
                       ["洗碗、打扫厨房", "洗菜切菜", "配合厨师备料"]),
    "cook": ("FOOD", "cook / chef", ["厨师", "炒锅师傅", "大厨", "食堂厨师", "炒菜师傅"],
             ["负责炒菜", "会做家常菜", "食堂大锅菜"]),
    "waiter": ("FOOD", "restaurant waiter", ["服务员", "传菜员", "餐厅服务员", "楼面服务员", "包厢服务员"],
               ["点菜、上菜、收台", "传菜、打扫卫生", "接待客人"]),
    "hotel_room": ("HOTEL", "hotel room attendant", ["客房服务员", "客房阿姨", "做房阿姨", "布草员"],
                   ["打扫客房、换床单", "整理房间，补充用品", "按标准做房"]),
    "front_desk": ("HOTEL", "reception / front desk", ["前台", "酒店前台", "前台接待", "民宿管家"],
                   ["接待入住退房", "收银登记", "接电话、订房"]),
    "tour_guide": ("TOUR", "tour guide / scenic-site guide", ["导游", "讲解员", "景区讲解员", "地接导游"],
                   ["带团讲解", "景区讲解", "接待游客"]),
    "performer": ("TOUR", "ethnic song-and-dance performer", ["演员", "民族歌舞演员", "表演人员", "演艺人员"],
                  ["参加景区演出", "民族歌舞表演", "每天演出两场"]),
    "security": ("PRP", "security guard / gatekeeper", ["保安", "保安员", "门卫", "门岗", "巡逻岗", "夜班保安"],
                 ["门岗值守、登记", "小区巡逻", "停车场管理"]),
    "cleaner": ("PRP", "cleaner / street sweeper", ["保洁员", "清洁工", "环卫工人", "保洁阿姨", "保洁"],
                ["公共区域打扫", "道路清扫保洁", "楼道卫生"]),
    "gardener": ("PRP", "greening / garden upkeep", ["绿化工", "绿化养护工", "园林工人"],
                 ["浇水修剪", "草坪花木养护"]),
    "nanny": ("CAR", "nanny / live-in domestic helper with childcare", ["育儿嫂", "保姆", "住家保姆", "带娃阿姨"],
              ["带宝宝、做辅食", "照顾孩子，兼做饭", "住家，负责孩子和家务"]),
    "yuesao": ("CAR", "maternity nurse (月嫂)", ["月嫂", "母婴护理师", "产后护理"],
               ["照顾产妇和新生儿", "26天一单"]),
    "eldercare": ("CAR", "elder-care worker", ["养老护理员", "护工", "陪护", "护理员"],
                  ["照顾老人生活起居", "医院陪护", "养老院护理"]),
    "housekeeping": ("CAR", "domestic cleaning / hourly home help", ["钟点工", "家政保洁", "家政阿姨", "家庭保洁"],
                     ["上门做家务", "做饭打扫", "按小时上门"]),
    "clerk": ("OFF", "office clerk / admin", ["文员", "行政", "内勤", "办公室文员", "行政专员", "资料录入员"],
              ["文件整理、录入", "办公室日常事务", "接待、打印、做表"]),
    "accounting": ("OFF", "accountant / finance cashier", ["会计", "出纳", "财务", "记账会计", "会计助理"],
                   ["做账报税", "现金收付、银行对账", "凭证录入"]),
    "customer_service": ("OFF", "customer service", ["客服", "在线客服", "电话客服", "售后客服", "客服专员"],
                         ["电脑上回复客户", "接听电话解答问题", "处理售后"]),
    "it": ("OFF", "IT support / network maintenance", ["网管", "IT运维", "网络维护", "电脑维修员", "运维工程师"],
           ["电脑网络维护", "机房巡检", "装系统、修电脑"]),
    "foreign_trade": ("OFF", "foreign-trade salesperson / order follow-up",
                      ["外贸业务员", "外贸跟单", "跟单员", "外贸专员"],
                      ["开发国外客户", "跟进订单、对接工厂", "阿里国际站运营"]),
    "cashier": ("RET", "shop cashier", ["收银员", "收银", "超市收银员"], ["超市收银", "收银兼理货"]),
    "sales_shop": ("RET", "shop assistant", ["导购", "营业员", "店员", "门店销售"],
                   ["门店接待顾客", "介绍产品，整理货架", "商场专柜销售"]),
    "sales_rep": ("RET", "sales representative", ["销售", "业务员", "销售代表", "置业顾问", "电话销售"],
                  ["开发客户", "跑市场", "电话邀约客户"]),
    "livestream": ("RET", "livestream host / e-commerce operator", ["主播", "带货主播", "直播运营", "电商运营", "短视频剪辑"],
                   ["直播带货", "拍摄剪辑短视频", "店铺上架运营"]),
    "teacher": ("EDU", "teacher / preschool teacher / nursery aide", ["幼师", "幼儿园老师", "保育员", "托管老师"],
                ["带班上课", "照顾幼儿生活", "组织活动"]),
    "nurse": ("HLT", "nurse", ["护士", "护理人员", "临床护士"], ["病房护理", "门诊护理", "执行医嘱"]),
    "tea_picking": ("AGR", "tea picker", ["采茶工", "采茶", "茶园工人"], ["采明前茶", "按斤计价", "茶园管护"]),
    "fruit_picking": ("AGR", "fruit picker", ["采摘工", "果园工人", "水果采摘工"], ["采摘、分拣、装箱", "按斤计件"]),
    "farm_labor": ("AGR", "farm / plantation / livestock worker", ["种植工", "养殖工", "农场工人", "基地务工人员", "饲养员"],
                   ["种植管护、除草施肥", "喂养、打扫圈舍", "大棚管理"]),
    "forest_ranger": ("AGR", "forest ranger", ["护林员", "生态护林员", "巡山员"], ["日常巡山，防火宣传", "森林管护巡查"]),
    "ethnic_craft": ("CRF", "Miao/Dong embroidery or batik craft worker", ["绣娘", "苗绣", "蜡染工", "刺绣工", "手工绣娘"],
                     ["按图样刺绣", "点蜡、染色", "手工刺绣，可带回家做"]),
    "silversmith": ("CRF", "silversmith", ["银饰工", "银匠学徒", "银饰加工"], ["银饰錾刻、焊接", "手工银饰加工"]),
    "mechanic": ("AUT", "car mechanic", ["汽修工", "汽车维修工", "修理工", "汽修学徒", "机修师傅"],
                 ["汽车保养维修", "换胎补胎", "钣金喷漆学徒"]),
    "car_wash": ("AUT", "car wash / detailing", ["洗车工", "汽车美容", "洗车美容"], ["洗车打蜡", "内饰清洁"]),
    "hairdresser": ("PER", "hairdresser", ["美发师", "发型师", "美发助理", "理发师"], ["剪发烫染", "洗头助理"]),
}

# closely related trades (grade-2 level when one side is a real want); symmetric
RELATED_PAIRS = [
    ("line_worker", "qc"), ("line_worker", "warehouse"), ("line_worker", "sewing"), ("line_worker", "cnc"),
    ("warehouse", "forklift"), ("warehouse", "mover"),
    ("construction_labor", "mason"), ("construction_labor", "rebar"), ("construction_labor", "carpenter"),
    ("construction_labor", "painter"), ("construction_labor", "mover"),
    ("painter", "decor_plumbing"), ("decor_plumbing", "electrician"),
    ("driver_small", "driver_truck"), ("driver_small", "delivery"),
    ("kitchen_helper", "cook"), ("kitchen_helper", "waiter"), ("waiter", "hotel_room"), ("waiter", "cashier"),
    ("hotel_room", "cleaner"), ("front_desk", "tour_guide"), ("front_desk", "cashier"), ("front_desk", "clerk"),
    ("tour_guide", "performer"),
    ("cleaner", "housekeeping"), ("cleaner", "gardener"),
    ("nanny", "housekeeping"), ("nanny", "yuesao"), ("eldercare", "housekeeping"), ("eldercare", "nurse"),
    ("clerk", "customer_service"), ("clerk", "accounting"),
    ("cashier", "sales_shop"), ("sales_shop", "livestream"), ("sales_rep", "foreign_trade"), ("sales_rep", "sales_shop"),
    ("tea_picking", "fruit_picking"), ("tea_picking", "farm_labor"), ("fruit_picking", "farm_labor"),
    ("farm_labor", "forest_ranger"),
    ("ethnic_craft", "sewing"), ("ethnic_craft", "silversmith"),
    ("mechanic", "car_wash"),
]
RELATED = {}
for _a, _b in RELATED_PAIRS:
    RELATED.setdefault(_a, []).append(_b)
    RELATED.setdefault(_b, []).append(_a)

EDU_RANK = {"primary": 0, "junior": 1, "senior": 2, "vocational": 2, "college": 3, "bachelor": 4, "master": 5}
EDU_TEXT = {"junior": ["初中以上", "初中及以上文化"], "senior": ["高中及以上学历", "高中以上"],
            "vocational": ["中专及以上", "中专/高中以上"], "college": ["大专及以上学历", "大专以上"],
            "bachelor": ["本科及以上学历", "全日制本科"]}

# certificates: canonical id -> how postings write the requirement
CERT_TEXT = {
    "weld": ["持焊工证（特种作业操作证）上岗", "必须有焊工证", "持证焊工"],
    "forklift": ["需持叉车证", "叉车证必须有", "有叉车证（N1）"],
    "elec": ["持电工证上岗", "必须持低压电工证", "有电工证"],
    "c1": ["C1驾照，驾龄2年以上", "有C1驾照", "需C1及以上驾照"],
    "b2": ["B2及以上驾照", "需B2驾照", "持B2驾照"],
    "a2": ["A2驾照", "需A2驾照，有从业资格证", "持A2驾照"],
    "sec": ["持保安员证", "有保安证"],
    "nurse": ["持护士执业资格证", "需护士资格证"],
    "teacher": ["持幼儿园教师资格证", "需教师资格证"],
    "acct": ["有初级会计证", "持初级会计职称"],
    "guide": ["持导游证", "需有导游资格证"],
    "yuesao": ["有育婴师证或母婴护理证", "持母婴护理证"],
}
# a licence also covers the lower classes
CERT_COVERS = {"a2": ["a2", "b2", "c1"], "a1": ["a1", "b2", "c1"], "b2": ["b2", "c1"], "c1": ["c1"]}

PW_GROUPS = ("hard_to_employ", "poverty_relieved", "zero_employment_household", "older_worker")
KEY_GROUPS = ("poverty_relieved", "relocated", "older_worker", "hard_to_employ", "zero_employment_household")
REGION_WORDS = ("浙江", "广东", "广东省", "福建", "江苏", "省内", "省外", "外省", "州内", "州府", "市里", "县城",
                "镇上", "家附近", "安置点附近", "珠三角", "长三角", "江浙沪", "沿海", "黔东南", "村里")

# ---------------------------------------------------------------------------
# 3. Seekers. Visible fields as typed on a phone; hidden truth in want3/want2/
#    avoid (trades) and accept/soft (places). Place specs:
#    ("prov",P) ("pref",city) ("county",C) ("loc",key) ("radius",km from home)
#    ("nearloc",key,km) ("region",R) ("notprov",P)
# ---------------------------------------------------------------------------
SEEKERS = []


def seeker(sid, self_description, desired_occupations, desired_cities, *, edu, age, want3, accept,
           skills=(), certificates=(), home=None, exp=(0, "month"), groups=(), avail="full_time",
           want2=(), avoid=(), soft=(), certs=(), vague=False, multi=False, near=False, note=""):
    SEEKERS.append(dict(
        id=sid, self_description=self_description, desired_occupations=desired_occupations,
        desired_cities=list(desired_cities), skills=list(skills), certificates=list(certificates),
        home=home, exp=exp, edu=edu, age=age, groups=list(groups), avail=avail,
        want3=list(want3), want2=list(want2), avoid=list(avoid), accept=list(accept), soft=list(soft),
        certs=list(certs), vague=vague, multi=multi, near=near, note=note))


GZ = ("prov", "贵州")
seeker("S01", "丹寨的，今年42，以前在工地干过几年，扎过钢筋也搬过砖，啥都能干，力气活没问题", "", ["广东省"],
       edu="junior", age=42, home=(26.25, 107.83), exp=(6000, "month"), groups=["rural_migrant", "poverty_relieved"],
       want3=["construction_labor"],
       want2=["rebar", "mason", "carpenter", "painter", "mover", "line_worker", "warehouse"],
       accept=[("prov", "广东")], vague=True,
       note="vague: past site work -> site labourer; other trades he names or could do are grade-2")
seeker("S02", "台江人 在厂里做过衣服 踩了十几年平车 手快", "做衣服的，普工也行", ["浙江"],
       skills=["平车", "拷边"], edu="primary", age=38, home=(26.66, 108.33), exp=(6000, "month"),
       groups=["rural_migrant"], want3=["sewing", "line_worker"], want2=["qc", "ethnic_craft"],
       accept=[("prov", "浙江")], multi=True)
seeker("S03", "46岁，在深圳帮人家带过三年孩子，做饭打扫卫生都会，人勤快爱干净", "", ["深圳", "广州"],
       skills=["做饭", "带小孩"], edu="junior", age=46, home=(26.59, 107.99), exp=(6000, "month"),
       want3=["nanny", "housekeeping"], want2=["eldercare", "yuesao", "cleaner"],
       accept=[("pref", "深圳"), ("pref", "广州")], soft=[("prov", "广东")], vague=True)
seeker("S04", "贵州民族大学汉语言文学今年毕业，在准备考编，考编期间想先在凯里找个文员或者行政的工作，见习也可以",
       "文员 行政 见习", ["凯里"], skills=["办公软件", "写材料"], edu="bachelor", age=23, home=(26.57, 107.97),
       exp=(2000, "month"), groups=["graduate"], want3=["clerk"], want2=["customer_service", "front_desk"],
       accept=[("county", "凯里")], soft=[GZ], multi=True)
seeker("S05", "55岁了腰不太好，重活干不了，想在家附近找点轻松的，看大门打扫卫生都行，一个月一两千就可以",
       "门卫或者看大门的，保洁也行", ["家附近"], edu="primary", age=55, home=(26.51, 107.62), exp=(1000, "month"),
       groups=["older_worker", "poverty_relieved"], avail="part_time", want3=["security", "cleaner"],
       want2=["gardener"], avoid=["construction_labor", "mover", "rebar", "mason", "carpenter"],
       accept=[("radius", 20)], multi=True, near=True)
seeker("S06", "剑河仰阿莎街道安置点的，搬下来两年了，娃在这边读书走不开，会绣花，想在安置点附近找个活",
       "绣花 帮扶车间", ["安置点附近"], skills=["苗绣"], edu="primary", age=35, home=(26.742, 108.460),
       exp=(1500, "month"), groups=["relocated", "poverty_relieved"], want3=["ethnic_craft", "line_worker"],
       want2=["sewing"], accept=[("radius", 10)], vague=True, multi=True, near=True)
seeker("S07", "榕江的，24岁，想去广东那边进厂，最好是电子厂，要包吃住", "电子厂", ["珠三角"],
       edu="junior", age=24, home=(25.98, 108.45), exp=(5000, "month"), groups=["rural_migrant"],
       want3=["line_worker"], want2=["qc", "warehouse"], accept=[("region", "PRD")], vague=True)
seeker("S08", "三穗人，干焊工八年了，有证，二保焊氩弧焊都会", "烧焊", ["江浙沪"],
       skills=["二保焊", "氩弧焊"], certificates=["焊工证"], certs=["weld"], edu="junior", age=33,
       home=(26.95, 108.68), exp=(8000, "month"), groups=["rural_migrant"], want3=["welder"],
       accept=[("region", "JZH")])
seeker("S09", "女，29，C1驾照开了五年，手动挡也会，想找个开车送货之类的", "开车 送货", ["州内"],
       certificates=["C1驾照"], certs=["c1"], edu="senior", age=29, home=(26.60, 107.99), exp=(3500, "month"),
       want3=["driver_small", "delivery"], want2=["warehouse"], accept=[("pref", QDN)], multi=True)
seeker("S10", "黎平人，开大车十几年，A2照，跑过长途也跑过短途", "开大车", ["省内"],
       certificates=["A2驾照"], certs=["a2"], edu="junior", age=45, home=(26.24, 109.13), exp=(9000, "month"),
       want3=["driver_truck"], accept=[GZ])
seeker("S11", "在凯里打零工，日结的都做，搬家卸货装修小工都干过", "零工 日结", ["凯里"],
       edu="junior", age=39, home=(26.58, 107.98), exp=(200, "day"), groups=["low_income"], avail="gig",
       want3=["mover", "construction_labor"], want2=["painter", "mason", "delivery", "warehouse"],
       accept=[("county", "凯里")], vague=True, multi=True)
seeker("S12", "听力不太好，有残疾证，但手很巧，会做手工，想找坐着干的活，包装串珠都可以", "手工 包装", ["凯里", "麻江"],
       skills=["手工"], certificates=["残疾证"], edu="junior", age=31, home=(26.56, 107.96), exp=(2000, "month"),
       groups=["hard_to_employ"], want3=["line_worker", "ethnic_craft"], want2=["warehouse", "sewing", "qc"],
       avoid=["customer_service", "sales_shop", "sales_rep", "front_desk", "security", "driver_small",
              "driver_truck", "delivery", "waiter", "cashier", "tour_guide", "livestream", "teacher"],
       accept=[("county", "凯里"), ("county", "麻江")], soft=[("nearloc", "kl", 30), ("nearloc", "mj", 30)],
       vague=True, multi=True, note="local-bound: soft only within 30 km of the named places")
seeker("S13", "护理专业大专今年毕业，护士资格证考过了，在县医院实习过一年", "护士", ["黔东南", "贵阳"],
       certificates=["护士资格证"], certs=["nurse"], edu="college", age=22, home=(26.91, 107.92),
       exp=(3000, "month"), groups=["graduate"], want3=["nurse"], want2=["eldercare"],
       accept=[("pref", QDN), ("pref", "贵阳")], soft=[GZ])
seeker("S14", "60岁 在雷山乡下 身体还可以 想找个护林员或者打扫卫生的公益岗 离家近的", "护林员 打扫卫生", ["村里", "镇上"],
       edu="primary", age=60, home=(26.36, 108.06), groups=["older_worker", "poverty_relieved"], avail="part_time",
       want3=["forest_ranger", "cleaner"], want2=["gardener", "farm_labor"], accept=[("radius", 10)],
       multi=True, near=True)
seeker("S15", "家里没有一个人有工作，老公生病在家要照顾，什么都可以做，就是不能离家太远，最好在县城", "都可以", ["县城"],
       edu="primary", age=41, home=(25.77, 108.93), exp=(1800, "month"),
       groups=["zero_employment_household", "low_income"],
       want3=["cleaner", "kitchen_helper", "line_worker", "waiter"],
       want2=["hotel_room", "cashier", "warehouse", "housekeeping"], accept=[("nearloc", "cj", 8)],
       vague=True, near=True)
seeker("S16", "天柱人，在苏州做过五年CNC，会调机，会看图纸", "CNC 调机", ["苏州", "昆山"],
       skills=["CNC调机", "看图纸"], edu="vocational", age=27, home=(26.91, 109.21), exp=(7000, "month"),
       groups=["rural_migrant"], want3=["cnc"], want2=["qc", "line_worker"],
       accept=[("pref", "苏州")], soft=[("prov", "江苏")])
seeker("S17", "镇远本地人，26岁，普通话标准，想在古城里找份工作", "导游 讲解 酒店前台都行", ["镇远"],
       edu="senior", age=26, home=(27.05, 108.43), exp=(3000, "month"), want3=["tour_guide", "front_desk"],
       want2=["waiter", "cashier", "sales_shop"], accept=[("county", "镇远")], soft=[GZ], multi=True)
seeker("S18", "在西江做过几年餐馆，炒菜拿手，酸汤鱼也会做", "炒菜师傅", ["西江", "雷山", "凯里"],
       certificates=["健康证"], edu="junior", age=36, home=(26.40, 108.10), exp=(5000, "month"),
       want3=["cook"], want2=["kitchen_helper"], accept=[("county", "雷山"), ("county", "凯里")], soft=[GZ])
seeker("S19", "48岁，在温州鞋厂干了十几年，现在想回贵州离家近点，工资少点也没关系", "鞋厂 普工", ["省内"],
       edu="primary", age=48, home=(26.96, 108.67), exp=(3000, "month"), groups=["rural_migrant"],
       want3=["line_worker"], want2=["sewing", "qc", "warehouse"], accept=[GZ])
seeker("S20", "19岁 初中毕业 刚出来 想去深圳东莞学个技术 不想一直做普工", "学技术", ["深圳", "东莞"],
       edu="junior", age=19, home=(25.80, 108.85), groups=["rural_migrant"], want3=["cnc", "mechanic"],
       want2=["line_worker", "welder", "qc", "electrician"],
       accept=[("pref", "深圳"), ("pref", "东莞")], soft=[("prov", "广东")], vague=True)
seeker("S21", "在凯里住，在超市做过收银，也在服装店卖过衣服", "", [],
       edu="senior", age=33, home=(26.59, 107.98), exp=(3000, "month"), want3=["cashier", "sales_shop"],
       want2=["customer_service", "waiter", "front_desk", "livestream"], accept=[("county", "凯里")], vague=True,
       note="no place given; lives in Kaili, nothing suggests moving")
seeker("S22", "岑巩的 钢筋工 干了二十年 身体好 过完年想出去", "钢筋", ["外省"],
       edu="primary", age=52, home=(27.17, 108.82), exp=(350, "day"), groups=["rural_migrant", "older_worker"],
       want3=["rebar"], want2=["construction_labor"], accept=[("notprov", "贵州")])
seeker("S23", "会计学本科应届生，有初级会计证，会用金蝶用友", "会计 出纳", ["省内"],
       skills=["金蝶", "用友", "Excel"], certificates=["初级会计证"], certs=["acct"], edu="bachelor", age=23,
       home=(26.58, 107.99), exp=(3500, "month"), groups=["graduate"], want3=["accounting"], want2=["clerk"],
       accept=[GZ])
seeker("S24", "丹寨的，会做蜡染，以前在万达小镇卖过东西", "蜡染 或者 店员", ["丹寨", "凯里"],
       skills=["蜡染"], edu="junior", age=28, home=(26.20, 107.79), exp=(2500, "month"),
       want3=["ethnic_craft", "sales_shop"], want2=["cashier", "sewing"],
       accept=[("county", "丹寨"), ("county", "凯里")], soft=[GZ], multi=True)
seeker("S25", "有低压电工证，在厂里干过维修电工，PLC懂一点", "电工", ["贵阳", "遵义"],
       certificates=["低压电工证"], certs=["elec"], edu="vocational", age=31, exp=(6000, "month"),
       want3=["electrician"], want2=["decor_plumbing"], accept=[("pref", "贵阳"), ("pref", "遵义")], soft=[GZ])
seeker("S26", "住在榕江县城的安置区，以前在老家种地，不认识几个字，想在安置点附近上班，车间和打扫卫生都可以",
       "车间 打扫卫生", ["安置点附近"], edu="primary", age=45, home=(25.948, 108.510), exp=(1500, "month"),
       groups=["relocated", "poverty_relieved"], want3=["line_worker", "cleaner"],
       want2=["kitchen_helper", "farm_labor", "ethnic_craft"], accept=[("radius", 10)], multi=True, near=True)
seeker("S27", "有电动车 想跑外卖或者送快递 时间自由点的", "跑外卖", ["凯里"],
       edu="senior", age=28, home=(26.58, 107.97), avail="gig", want3=["delivery"], want2=["mover", "warehouse"],
       accept=[("county", "凯里")])
seeker("S28", "学前教育专业毕业，想当幼儿园老师，教师资格证还在考", "幼师", ["县城", "凯里"],
       edu="college", age=22, home=(27.03, 108.12), exp=(2000, "month"), groups=["graduate"],
       want3=["teacher"], want2=["nanny"], accept=[("nearloc", "sb", 8), ("county", "凯里")], soft=[GZ])
seeker("S29", "在广州做过三年保安，有保安证，想回去继续干", "保安", ["广州", "佛山"],
       certificates=["保安员证"], certs=["sec"], edu="junior", age=40, home=(26.90, 107.91), exp=(4500, "month"),
       want3=["security"], accept=[("pref", "广州"), ("pref", "佛山")], soft=[("prov", "广东")])
seeker("S30", "春天想去采茶，其他时间要在家带孩子，只能做短期的，日结最好", "采茶 摘果子", ["州内"],
       edu="primary", age=37, home=(25.85, 108.95), exp=(100, "day"), avail="gig",
       want3=["tea_picking", "fruit_picking"], want2=["farm_labor"], accept=[("pref", QDN)], multi=True)
seeker("S31", "50岁，脱贫户，在炉山这边住，想在家附近找个活，工地小工也行，厂里也行", "小工 普工", ["家附近"],
       edu="primary", age=50, home=(26.675, 107.905), exp=(3000, "month"), groups=["poverty_relieved"],
       want3=["construction_labor", "line_worker"], want2=["mover", "warehouse", "security"],
       accept=[("radius", 20)], multi=True, near=True)
seeker("S32", "苗族，会剪视频，自己拍过抖音，想做直播卖我们这边的银饰和刺绣", "主播 电商", ["凯里", "贵阳", "台江"],
       skills=["剪辑", "拍视频"], edu="senior", age=30, home=(26.67, 108.32), exp=(3000, "month"),
       want3=["livestream"], want2=["customer_service", "sales_shop"],
       accept=[("county", "凯里"), ("pref", "贵阳"), ("county", "台江")], soft=[GZ])
seeker("S33", "木工，做过模板也做过家具，手艺可以", "木工", ["沿海"],
       edu="junior", age=35, home=(26.68, 109.20), exp=(8000, "month"), groups=["rural_migrant"],
       want3=["carpenter"], want2=["construction_labor"], accept=[("region", "COAST")])
seeker("S34", "52岁，有育婴师证，带过好几个宝宝，想去大城市做月嫂或者育儿嫂", "月嫂 育儿嫂", ["上海", "杭州"],
       certificates=["育婴师证", "健康证"], certs=["yuesao"], edu="junior", age=52, home=(26.67, 109.19),
       exp=(8000, "month"), groups=["older_worker"], want3=["yuesao", "nanny"], want2=["housekeeping", "eldercare"],
       accept=[("pref", "上海"), ("pref", "杭州")], soft=[("prov", "浙江"), ("prov", "上海")], multi=True)
seeker("S35", "计算机专业本科，会装系统修电脑，在学校机房当过网管", "网络维护 电脑", ["贵阳"],
       skills=["装系统", "网络布线"], edu="bachelor", age=24, exp=(4000, "month"), groups=["graduate"],
       want3=["it"], want2=["customer_service", "clerk"], accept=[("pref", "贵阳")], soft=[GZ])
seeker("S36", "剑河的，易地搬迁搬到县城了，以前在浙江做过几年注塑，现在还想出去", "进厂", ["长三角"],
       edu="junior", age=43, home=(26.74, 108.455), exp=(5500, "month"),
       groups=["relocated", "poverty_relieved", "rural_migrant"], want3=["line_worker"], want2=["qc", "warehouse"],
       accept=[("region", "YRD")], vague=True)
seeker("S37", "做过餐馆服务员，服务行业都可以", "服务行业", ["市里"],
       edu="junior", age=34, home=(26.57, 107.99), exp=(2800, "month"), want3=["waiter", "hotel_room"],
       want2=["cashier", "kitchen_helper", "front_desk"], accept=[("county", "凯里")], vague=True)
seeker("S38", "58岁，身体没毛病，可以看门，晚上值班也可以", "看门", ["镇远", "县城"],
       edu="primary", age=58, home=(27.05, 108.43), exp=(2000, "month"), groups=["older_worker"],
       want3=["security"], want2=["cleaner"], accept=[("county", "镇远")], near=True)
seeker("S39", "在凯里修过几年车，会保养，换胎补胎都会", "修车", ["三穗", "凯里", "贵阳"],
       edu="junior", age=30, home=(26.95, 108.68), exp=(4000, "month"), want3=["mechanic"], want2=["car_wash"],
       accept=[("county", "三穗"), ("county", "凯里"), ("pref", "贵阳")], soft=[GZ])
seeker("S40", "旅游管理专业大专毕业，离校还没工作，想在西江或者镇远做旅游相关的", "旅游方面的", ["西江", "镇远"],
       edu="college", age=22, home=(26.38, 108.08), exp=(2500, "month"), groups=["graduate"],
       want3=["tour_guide", "front_desk"], want2=["waiter", "hotel_room", "performer", "sales_shop"],
       accept=[("loc", "ls_xj"), ("county", "镇远")], soft=[GZ], vague=True)
seeker("S41", "做过几年装修 水电安装 刷墙都会", "水电 装修", ["凯里", "贵阳"],
       edu="junior", age=38, home=(26.58, 107.98), exp=(300, "day"), want3=["decor_plumbing", "painter"],
       want2=["electrician", "mason", "construction_labor"], accept=[("county", "凯里"), ("pref", "贵阳")],
       soft=[GZ], multi=True)
seeker("S42", "56岁 住在镇上 想找个半天的活 洗碗打扫都行", "洗碗 打扫", ["镇上"],
       edu="primary", age=56, home=(26.19, 107.80), groups=["older_worker"], avail="part_time",
       want3=["kitchen_helper", "cleaner"], want2=["housekeeping", "hotel_room"], accept=[("radius", 10)],
       multi=True, near=True)
seeker("S43", "21岁，朋友在晋江鞋厂，想过去福建那边找活干", "", [],
       edu="junior", age=21, groups=["rural_migrant"], want3=["line_worker"], want2=["warehouse", "qc", "sewing"],
       accept=[("prov", "福建")], vague=True, note="place only in the free text: 福建")
seeker("S44", "腿有残疾走路不方便，有残疾证，会用电脑打字，想找坐办公室的工作或者客服", "客服 文员", ["凯里"],
       certificates=["残疾证"], edu="senior", age=39, home=(26.58, 107.98), exp=(2000, "month"),
       groups=["hard_to_employ"], want3=["customer_service", "clerk"],
       avoid=["security", "cleaner", "construction_labor", "mover", "delivery", "waiter", "hotel_room",
              "tour_guide", "gardener", "forest_ranger", "sales_rep", "warehouse"],
       accept=[("county", "凯里")], soft=[("nearloc", "kl", 30)], multi=True)
seeker("S45", "在中山古镇灯饰厂干过六年，过完年想回去", "灯饰厂", ["中山", "古镇"],
       edu="primary", age=47, home=(26.67, 108.31), exp=(5000, "month"), groups=["rural_migrant"],
       want3=["line_worker"], want2=["qc", "warehouse"], accept=[("pref", "中山")], soft=[("prov", "广东")],
       vague=True)
seeker("S46", "脱贫户，种过烤烟，养过猪，想找份能兼顾家里的工作", "", ["施秉", "镇上"],
       edu="primary", age=43, home=(27.02, 108.10), groups=["poverty_relieved"], avail="part_time",
       want3=["farm_labor"], want2=["tea_picking", "fruit_picking", "forest_ranger"],
       accept=[("county", "施秉")], vague=True, near=True)
seeker("S47", "B2驾照，开过几年货车，小车也能开", "司机", ["州内", "贵阳"],
       certificates=["B2驾照"], certs=["b2"], edu="junior", age=34, home=(26.59, 107.97), exp=(6000, "month"),
       want3=["driver_truck", "driver_small"], accept=[("pref", QDN), ("pref", "贵阳")])
seeker("S48", "英语专业本科，想去厦门或者深圳做外贸", "外贸业务 跟单", ["厦门", "深圳"],
       edu="bachelor", age=23, exp=(5000, "month"), groups=["graduate"], want3=["foreign_trade"],
       want2=["sales_rep", "clerk", "customer_service"], accept=[("pref", "厦门"), ("pref", "深圳")],
       soft=[("prov", "福建"), ("prov", "广东")])
seeker("S49", "黄平的，44岁，过完年想出去，哪里工资高去哪里，工地厂里都行", "", [],
       edu="primary", age=44, home=(26.92, 107.90), exp=(6000, "month"), groups=["rural_migrant"],
       want3=["construction_labor", "line_worker"], want2=["mason", "rebar", "mover", "warehouse"],
       accept=[("notprov", "贵州")], vague=True, multi=True, note="'想出去' = go out of the province")
seeker("S50", "麻江的，在蓝莓基地摘过几年蓝莓，也会种", "蓝莓基地", ["麻江", "凯里"],
       edu="primary", age=36, home=(26.50, 107.60), exp=(2000, "month"), want3=["fruit_picking", "farm_labor"],
       want2=["tea_picking"], accept=[("county", "麻江"), ("county", "凯里")], soft=[GZ], vague=True)
seeker("S51", "土木工程本科毕业，想找施工员或者资料员，见习也行", "施工员 资料员", ["州内", "贵阳"],
       edu="bachelor", age=23, home=(26.58, 107.98), exp=(2500, "month"), groups=["graduate"],
       want3=["site_engineer"], want2=["clerk"], accept=[("pref", QDN), ("pref", "贵阳")], multi=True)
seeker("S52", "会做饭 在学校食堂打过下手", "食堂", ["凯里", "麻江"],
       certificates=["健康证"], edu="junior", age=40, home=(26.57, 107.98), exp=(2500, "month"),
       groups=["low_income"], want3=["kitchen_helper"], want2=["cook"],
       accept=[("county", "凯里"), ("county", "麻江")], soft=[("nearloc", "kl", 30), ("nearloc", "mj", 30)],
       vague=True)
seeker("S53", "从江的，现在在东莞，打零工，日结，不想进厂被管着", "日结", ["东莞"],
       edu="junior", age=33, home=(22.95, 113.75), exp=(200, "day"), groups=["rural_migrant"], avail="gig",
       want3=["mover", "construction_labor"], want2=["warehouse", "delivery", "line_worker"],
       accept=[("pref", "东莞")], vague=True)
seeker("S54", "50岁，以前在宾馆做客房，铺床打扫房间很熟", "酒店打扫房间", ["州府", "西江"],
       edu="primary", age=50, home=(26.59, 107.99), exp=(2500, "month"), want3=["hotel_room"],
       want2=["cleaner", "housekeeping"], accept=[("county", "凯里"), ("loc", "ls_xj")], soft=[GZ])
seeker("S55", "肇兴侗寨的，会唱侗族大歌，也会弹琵琶，想在景区上班，不想出去", "景区", ["肇兴", "黎平"],
       edu="junior", age=29, home=(25.91, 109.175), exp=(2500, "month"), want3=["performer"],
       want2=["tour_guide", "waiter", "front_desk"], accept=[("county", "黎平")], soft=[GZ], vague=True)
seeker("S56", "市场营销大专，离校一年还没找到工作，想先参加就业见习，办公室类的都可以", "见习 办公室", ["丹寨", "凯里"],
       edu="college", age=22, home=(26.20, 107.79), exp=(1500, "month"), groups=["graduate"],
       want3=["clerk", "customer_service", "sales_rep"], want2=["sales_shop", "livestream"],
       accept=[("county", "丹寨"), ("county", "凯里")], soft=[GZ], vague=True, multi=True)
seeker("S57", "32岁，孩子在黄平县城读书，想在县城做点小生意旁边的活，帮人看店卖东西都行", "看店", ["县城"],
       edu="junior", age=32, home=(26.90, 107.92), exp=(2000, "month"), groups=["low_income"],
       want3=["sales_shop", "cashier"], want2=["waiter", "livestream"], accept=[("nearloc", "hp", 8)],
       vague=True, near=True, note="'小生意旁边的活' = helping in small shops")

# ---------------------------------------------------------------------------
# 4. Postings, hand-specified (hidden truth), rendered to employer text later.
#    jobs | places | job type | pay | age | education | flags
#    job = trade[=title as written][@required cert][?preferred cert]
#    pay: "" = 面议, "~" = usual pay for trade/region, 3000-3500 (month), 200d, 22-25h, p (计件)
# ---------------------------------------------------------------------------
HAND = r"""
# ---------------- 凯里 ----------------
clerk | kl | full | 3000-3500 | 20-35 | college | clean
clerk=办公室文员 | kl | intern | 1800-2200 | | college | prod=见习
clerk=社区协管员 | kl | pw | 1800 | 18-55 | | clean
customer_service | kl | full | 2500-3500 | 18-40 | senior | html
customer_service=电商客服 | kl | full | 2800-4000 | | | prod=电商
accounting@acct | kl | full | 3500-4500 | | college |
accounting=出纳 | kl | intern | 2000 | | college |
sales_rep=置业顾问 | kl | full | 3000-8000 | 20-35 | senior | hype
sales_rep=销售代表 | kl | full | 3000-5000 | | college |
cashier | kl | full | 2500-3200 | 18-40 | | prod=超市
sales_shop=导购 | kl | full | 3000-6000 | 18-35 | | typo
sales_shop=营业员 | kl | full | 2200-2600 | | | typo
livestream=带货主播 | kl | full | 3000-8000 | 18-35 | | hype
waiter+kitchen_helper+cook | kl | full | 2800-3500 | 18-45 | | html,prod=酸汤鱼
waiter | kl | full | 2000-2300 | | | typo
hotel_room+front_desk+security | kl | full | 2500-3200 | 18-50 | | prod=酒店
hotel_room=客房阿姨 | kl | full | 2500-3000 | 18-45 | |
kitchen_helper=食堂帮工 | kl | full | 2600-3000 | 25-55 | | prod=食堂
cook=食堂厨师 | kl | full | | | | prod=食堂
cook | kl | full | 5000-7000 | | | prod=酸汤鱼
delivery=美团骑手 | kl | gig | 150-300d | 18-50 | |
delivery=快递员 | kl | full | 5000-8000 | 20-45 | | typo
driver_small@c1 | kl | full | 4000-5000 | 25-50 | |
driver_truck@b2 | kl | full | 6000-8000 | 25-50 | | html
driver_truck@a2 | kl | full | 9000-12000 | 25-50 | | hype
mover=卸货 | kl | gig | 200d | 18-55 | | prod=零工
construction_labor | kl | gig | 180-220d | 18-60 | | prod=零工
mover=搬运工 | kl | full | 4000 | 18-50 | |
painter | kl | gig | 250d | | |
decor_plumbing | kl | gig | 300-400d | | | typo
electrician@elec | kl | full | 5000-6000 | | |
mason | kl | gig | 350d | | |
site_engineer | kl | full | 4000-6000 | | college | clean
site_engineer=资料员 | kl | intern | 2500 | | college |
construction_labor+mason+carpenter+rebar | kl | full | 200-350d | 18-55 | | html
security=小区保安 | kl | full | 2800 | 18-55 | |
security+cleaner+gardener | kl | full | 2300-2800 | 18-60 | | prod=物业
cleaner=保洁阿姨 | kl | part | 1500 | 30-60 | |
nurse@nurse | kl | full | 3500-5000 | 20-35 | college | clean
eldercare=养老护理员 | kl | full | 3000-4000 | 20-55 | |
nanny=育儿嫂 | kl | full | 3500-4500 | 25-50 | |
teacher=保育员 | kl | full | 2200-2800 | 18-40 | vocational |
teacher=幼儿园老师@teacher | kl | full | 3000-4000 | | college |
mechanic | kl | full | 4000-6000 | 18-45 | | typo
car_wash | kl | full | 3000 | | |
it=网管 | kl | full | 3000-4000 | | college |
ethnic_craft=绣娘 | kl | full | 2000-3500 | | |
line_worker | kl_kfq | full | 2500-3500 | 18-50 | | prod=电子元器件
line_worker+qc+forklift@forklift | kl_kfq | full | 3000-4500 | 18-45 | | html
warehouse=打包员 | kl | full | 2500-3200 | 18-45 | | prod=电商仓
warehouse=分拣员 | kl_kfq | full | 3200 | | |
line_worker=操作工 | kl_ls | full | 3000-4000 | 18-55 | | prod=建材
line_worker+welder@weld | kl_ls | full | 3500-6000 | | | typo
welder@weld | kl_ls | full | 6000-8000 | | |
livestream=直播运营 | kl | full | 3000-5000 | | |
hairdresser | kl | full | 3000-8000 | | |
clerk=资料录入员 | kl | full | 2500-3000 | | senior |
customer_service=电话客服（兼职） | kl | part | 1500 | | |
decor_plumbing=装修水电师傅 | kl | full | 300-350d | | | typo
hotel_room | kl | full | 2800 | 18-55 | |
front_desk | kl | full | 2800-3500 | 18-30 | senior |
tour_guide=导游@guide | kl | full | 4000-6000 | | college |
cleaner=环卫工 | kl | full | 2300 | 18-60 | |
waiter=KTV服务员 | kl | full | 3000-4000 | 18-30 | |
sales_shop=电脑城销售 | kl | full | 3000-5000 | | | prod=电脑
sales_rep=医药代表 | kl | full | 4000-8000 | | college |
sales_shop=药店店员 | kl | full | 2500-3000 | | |
clerk=文员（需外出跑业务） | kl | full | 3000-4000 | | | mislabel=sales_rep
sales_rep=会计培训课程顾问 | kl | full | 3000-6000 | | |
# ---------------- 麻江 ----------------
security=门卫 | mj | full | 2000 | 40-65 | |
cleaner=保洁员 | mj_xs | part | 1500 | 30-65 | |
cleaner=乡村保洁员 | mj | pw | 1200 | 18-65 | |
security=保安 | mj | full | 2500 | 18-50 | |
construction_labor | mj | gig | 180d | | |
fruit_picking=摘蓝莓 | mj_lm | gig | 120-150d | 16-65 | | typo
farm_labor=蓝莓基地工人 | mj_lm | full | 2500-3000 | | |
fruit_picking=蓝莓采摘 | mj_lm | full | 2400 | | |
line_worker | mj | full | 2500-3200 | | | prod=食品
kitchen_helper | mj | full | 2500-2800 | | |
waiter+kitchen_helper | mj_xs | full | 2500 | | | prod=农家乐
gardener=绿化工 | mj | part | 1500 | | |
# ---------------- 丹寨 ----------------
ethnic_craft=蜡染工 | dz | full | p | | | prod=蜡染
sales_shop=店员 | dz | full | 2500-3000 | 18-35 | | prod=万达小镇
ethnic_craft=蜡染学徒 | dz | full | 2000-2500 | 18-40 | |
kitchen_helper=洗碗 | dz | part | 1200 | | |
cleaner | dz | part | 1300 | | |
cleaner=乡村保洁 | dz | pw | 800 | | |
kitchen_helper | dz | full | 2200 | 18-50 | |
hotel_room | dz | full | 2300 | | |
line_worker=帮扶车间工人 | dz_jz | full | 2000-3000 | | | bangfu
clerk=综合文员 | dz | intern | 1800 | | college |
tea_picking | dz | gig | 100-130d | | |
sales_rep | dz | full | 2500-4000 | | |
# ---------------- 雷山 / 西江 ----------------
cook | ls_xj | full | 5000-7000 | | | typo
kitchen_helper | ls_xj | full | 3000 | | |
waiter+cook+front_desk | ls_xj | full | 3000-4000 | | | html,prod=民宿
front_desk=民宿管家 | ls_xj | full | 3000-4000 | | senior |
tour_guide=讲解员 | ls_xj | full | 3000-4500 | 18-35 | senior |
tour_guide=景区讲解员 | ls_xj | intern | 2500 | | college |
performer=民族歌舞演员 | ls_xj | full | 3000-4000 | 18-35 | |
hotel_room=民宿打扫 | ls_xj | full | 2500-3000 | | | typo
security+cleaner | ls_xj | full | 2500 | | | prod=景区
forest_ranger | ls_xj | pw | 800 | | |
cook | ls | full | 4000-5000 | | |
forest_ranger=生态护林员 | ls | pw | 800 | 18-65 | |
cleaner=乡村保洁员 | ls | pw | 600 | | |
gardener | ls | part | 1500 | | |
tea_picking=采茶工 | ls | gig | 120d | | | typo
silversmith=银饰学徒 | ls | full | 2500-4000 | | |
security | ls | full | 2500 | 18-55 | |
# ---------------- 黎平 / 肇兴 ----------------
performer=侗族大歌演员 | lp_zx | full | 2500-3500 | | |
performer | lp | full | 2800 | | |
tour_guide=讲解员 | lp_zx | full | 3000 | | |
waiter+hotel_room | lp_zx | full | 2500-3000 | | | typo
tea_picking=采茶 | lp | gig | 100-150d | | | html
driver_truck@a2 | lp | full | 8000-10000 | | |
line_worker | lp | full | 2500-3000 | | |
# ---------------- 从江 ----------------
cleaner | cj | full | 2000 | 18-55 | |
kitchen_helper | cj | full | 2200 | | |
line_worker=帮扶车间 | cj | full | 1800-2500 | | | bangfu
cleaner=公益性岗位保洁 | cj | pw | 1800 | | |
waiter | cj | full | 2000-2500 | | senior |
hotel_room | cj | full | 2000-2300 | | |
cashier | cj | full | 2200 | | senior |
farm_labor=香猪养殖 | cj | full | 2500 | | |
fruit_picking=摘百香果 | cj | gig | 100d | | |
# ---------------- 榕江 ----------------
line_worker=帮扶车间工人 | rj_az | full | 2000-2800 | | | bangfu
cleaner | rj | full | 2000 | | |
cleaner | rj_az | pw | 1500 | | |
kitchen_helper | rj | full | 2300 | | |
line_worker | rj | full | 2500 | | | prod=电子
# ---------------- 剑河 / 台江 ----------------
line_worker=帮扶车间 | jh_yas | full | 2000-3000 | | | bangfu
ethnic_craft=苗绣 | jh | full | p | | |
sewing | jh_yas | full | 2000-3500 | | | bangfu
cleaner | jh_yas | pw | 1500 | | |
line_worker | jh_yas | gig | 80-120d | | | bangfu
ethnic_craft | tj | full | 2000-3000 | | |
livestream | tj | full | 3000-5000 | | | prod=苗绣
sewing=帮扶车间车位 | tj | full | 2500 | | | bangfu
# ---------------- 黄平 / 施秉 / 镇远 ----------------
nurse=乡镇卫生院护士@nurse | hp | full | 3000-3500 | | college |
line_worker | hp | full | 2500 | | |
security | hp | full | 3000 | | |
sales_shop=店员 | hp | full | 2000-2500 | 18-40 | | typo
cashier=收银员（超市） | hp | full | 2200 | | | prod=超市
sales_shop=服装店导购 | hp | part | 1500 | | |
waiter | hp | full | 2200-2600 | | |
sales_shop=手机店店员 | kl | full | 3000-4500 | 18-30 | |
farm_labor | hp_jz | full | 2500 | | |
teacher=幼师 | sb | full | 2500-3000 | 18-35 | college |
teacher=幼儿园老师 | sb | intern | 1800 | | college |
farm_labor=太子参种植 | sb | full | 2000-2500 | | |
farm_labor=养殖场饲养员 | sb | full | 2800 | | |
forest_ranger | sb | pw | 800 | | |
tea_picking | sb | gig | 120d | | |
farm_labor=太子参采挖 | sb | gig | 120d | | | html
cleaner | sb | full | 2000 | | |
front_desk=客栈前台 | zy | full | 2800-3500 | | senior | prod=客栈
tour_guide=导游@guide | zy | full | 4000-6000 | | college |
tour_guide=讲解员 | zy | full | 3000-4000 | 18-30 | senior |
waiter | zy | full | 2500-3000 | | | typo
security=门卫 | zy | full | 2000-2200 | 40-65 | |
security=保安 | zy | full | 2500 | 18-55 | |
security=夜班门卫 | zy | full | 2200-2500 | 18-60 | |
cleaner | zy | pw | 1500 | | |
security=门卫（公益性岗位） | zy | pw | 1800 | | |
hotel_room | zy | full | 2500 | | |
# ---------------- 三穗 / 岑巩 / 天柱 / 锦屏 ----------------
line_worker=鞋厂普工 | ss | full | 2800-3500 | 18-50 | | prod=鞋
sewing | ss | full | 2500-4000 | | |
mechanic | ss | full | 4000-6000 | | |
car_wash | ss | full | 3000 | | |
line_worker=帮扶车间 | ss | full | 2200 | | | bangfu
cleaner | ss | pw | 1500 | | |
driver_truck@b2 | jp | full | 6000-7000 | | |
carpenter | jp | full | 250d | | |
line_worker | tz | full | 2500-3000 | | |
construction_labor | cg | gig | 180d | | |
security | cg | pw | 1500 | | |
# ---------------- 贵阳 ----------------
clerk | gy_gsh | full | 3500-4500 | | college |
clerk=行政专员 | gy_nm | full | 4000-5000 | | bachelor |
accounting | gy_nm | full | 4000-5500 | | bachelor | clean
accounting@acct | gy_yy | full | 3500-4500 | | college |
customer_service=在线客服 | gy_gsh | full | 3500-5000 | | |
it=IT运维 | gy_gsh | full | 4000-5000 | | college |
it=数据中心运维 | gy_sl | full | 5000-7000 | | college | clean
it=网络维护 | gy_yy | intern | 2500 | | college |
electrician@elec | gy_sl | full | 6000-8000 | | |
electrician=物业电工@elec | gy_yy | full | 4500-5000 | | |
decor_plumbing | gy_hx | full | 8000 | | |
painter | gy_by | gig | | | | typo
driver_truck@a2 | gy_by | full | 9000-12000 | 25-50 | |
driver_truck | gy_by | full | 8000-10000 | 25-40 | |
driver_small | gy_gsh | full | 5000-6000 | | |
site_engineer | gy_hx | full | 4500-6000 | | college |
livestream | gy_gsh | full | 4000-8000 | | |
livestream | gy_nm | full | 5000-10000 | | bachelor |
nurse@nurse | gy_yy | full | 4000-6000 | | college |
nurse@nurse | gy_by | full | 5000 | | bachelor |
teacher | gy_hx | full | 3000-4000 | | college |
cook | gy_nm | full | 6000 | | |
construction_labor | gy_by | gig | 250d | | |
rebar | gy_sl | full | 300-400d | | |
line_worker | gy_by | full | 3500-4500 | 18-40 | |
line_worker | gy_hx | full | 3500 | | | prod=食品
cashier | gy_yy | full | 3000 | | |
mechanic | gy_by | full | 5000-7000 | | |
ethnic_craft | gy_nm | full | 3000 | | |
front_desk | gy_gsh | full | 3500 | | |
security | gy_yy | full | 3500 | | |
# ---------------- 遵义 / 都匀 ----------------
accounting | zyi_hc | full | 3500-5000 | | college |
electrician@elec | zyi_hc | full | 5500-7000 | | |
driver_truck@b2 | zyi_hhg | full | 8000-10000 | | |
tea_picking | zyi_mt | gig | 130d | | | prod=湄潭翠芽
line_worker | zyi_hhg | full | 3500 | | |
security | dy | full | 2800 | | |
clerk | dy | full | 3000 | | |
# ---------------- 广东 ----------------
line_worker+qc+forklift@forklift | dg_ca | full | 5500-7500 | 18-45 | | html,lodging
line_worker=电子厂普工 | dg_ts | full | 4000-4500 | 18-40 | | lodging
line_worker=小时工 | dg_hj | gig | 22-25h | 18-45 | | daily
mover=装卸工 | dg_hm | gig | 250-300d | 18-50 | | daily
construction_labor | dg_ts | gig | 250d | | | daily
sewing | dg_hm | full | p | | |
mechanic=汽修学徒 | dg_ca | full | 3500-5000 | 16-25 | |
cnc=CNC学徒 | sz_ba | full | 5000-7000 | 18-30 | | lodging
cnc | dg_ssh | full | 7000-9000 | | |
welder@weld | sz_lg | full | 8000-10000 | | | typo
nanny=住家保姆 | sz_ns | full | 7000-9000 | 30-55 | |
nanny=育儿嫂 | gz_th | full | 6000-8000 | 25-50 | |
housekeeping=钟点工 | sz_lh | part | 30-40h | | |
yuesao@yuesao | gz_th | full | 10000-15000 | 25-50 | | hype
nanny | dg_hj | full | 5500-7000 | | |
eldercare | sz_lg | full | 5000-6000 | | |
security | gz_by | full | 4500-5500 | 18-50 | |
security@sec | fs_nh | full | 4800-5200 | | |
security | dg_ca | full | 4500 | | |
security | gz_py | full | 3800 | | | typo
line_worker=灯饰厂普工 | zs_gz | full | 5000-6500 | | | prod=灯饰
line_worker | zs_xl | full | 5000-6000 | 18-50 | | prod=五金
qc | zs_gz | full | 5000 | | | prod=灯饰
line_worker | hz_hc | full | 5000-6000 | | | lodging
construction_labor+mason | sz_lg | full | | | | html
construction_labor | gz_zc | full | 280-350d | 18-55 | |
construction_labor | dg_hj | full | 260-300d | 18-55 | | lodging
rebar | fs_sd | full | 400d | 18-55 | |
rebar | sz_lg | full | | 18-58 | |
foreign_trade | sz_lg | full | 6000-10000 | | college |
foreign_trade | gz_by | full | 5000-8000 | | college |
cnc | gz_py | full | 6000-8000 | | |
customer_service | sz_lh | full | 5000-6000 | | |
site_engineer | gz_th | full | 7000-10000 | | college |
cook | dg_ca | full | 7000 | | |
delivery | sz_ns | full | 8000-12000 | | | hype
line_worker | dg_ca,sz_gm,hz_hc | full | 5000-7000 | 16-45 | | agency
carpenter | gz_hd | full | 350-450d | | |
sewing | gz_py | full | | | | typo,prod=服装
line_worker | fs_sd | full | 4800-6000 | | | prod=家电
hairdresser | sz_ba | full | 5000-10000 | | |
sales_shop=灯饰店导购 | zs_gz | full | 4000-6000 | | |
teacher=少儿托管老师 | sz_lh | full | 5000-6000 | | college |
line_worker=钢筋厂普工 | fs_sd | full | 6000 | | | prod=钢筋
security=保安 | dg_fg | full | 4200 | 18-45 | | lodging
line_worker | dg_ca,sz_ba | full | 5500-6500 | 18-42 | | agency,station
# ---------------- 浙江 ----------------
sewing=熟手车位 | nb_cx | full | p | 18-48 | | lodging
sewing+line_worker | hz_yh | full | 6000-9000 | | | html,prod=服装
sewing=平车工 | wz_ra | full | | | | typo
line_worker | yw | full | 4500-5500 | | | prod=小商品
welder@weld | nb_bl | full | 8000-12000 | | | hype
line_worker=注塑 | tz_hy | full | 6000-8000 | 18-50 | | prod=塑料
line_worker | nb_yy | full | 5500-7000 | | | station
forklift@forklift | nb_yz | full | 6500 | | |
line_worker=鞋厂普工 | wz_lc | full | 6000 | | | prod=鞋
rebar | hz_xs | full | 400-450d | 18-55 | |
rebar | nb_bl | full | 380d | 18-50 | |
carpenter | nb_yz | full | | | |
livestream | hz_yh | full | 8000-15000 | | | hype
nanny=育儿嫂 | hz_sc | full | 8000-10000 | 30-55 | |
yuesao@yuesao | nb_yz | full | 10000-13000 | 30-55 | |
foreign_trade | yw | full | 5000-8000 | | college |
construction_labor | hz_xs | full | 300d | | |
cook | hz_xs | full | 7000 | | |
driver_truck@a2 | tz_lq | full | 10000-13000 | | |
qc | wz_yq | full | 5000-6000 | | |
line_worker+qc | tz_wl | full | 5500-6500 | | | html,prod=水泵
sales_rep=电焊机销售 | nb_yz | full | 5000-10000 | | | prod=电焊机
line_worker=木工机械操作工 | nb_cx | full | 6000 | | | prod=木工机械
# ---------------- 江苏 / 上海 ----------------
cnc | ks | full | 7000-10000 | | | lodging
cnc | suz_gyy | full | | | |
cnc | suz_wj | full | 6000-6500 | | |
cnc=CNC编程工程师 | ks | full | 9000-13000 | | college |
line_worker | ks | full | 5500 | | |
welder@weld | ks | full | | | |
welder=點焊工@weld | suz_wj | full | 7000-9000 | | | typo
welder@weld | sh_jd | full | 6000 | | |
line_worker | suz_xc | full | 5000-6500 | 18-40 | |
yuesao@yuesao | sh_pd | full | 12000-18000 | 30-55 | |
yuesao | sh_pd | full | 15000 | 25-50 | |
housekeeping | sh_qp | full | 6000 | | |
carpenter=家具木工 | sh_sj | full | 7000-9000 | | |
line_worker | sh_sj | full | 5500-7000 | | |
line_worker | suz_gyy,ks,nb_bl | full | 5000-6500 | 16-45 | | agency
clerk | sh_pd | full | 6000 | | bachelor |
# ---------------- 福建 ----------------
line_worker=鞋厂普工 | jj | full | 5000-7000 | 16-45 | | prod=鞋
line_worker | xm_ta | full | 5000-6000 | | |
line_worker | qz_fz | full | | | | typo
sewing | jj | full | p | | |
foreign_trade | xm_hl | full | 5000-8000 | | college |
sales_rep | xm_hl | full | 4000-8000 | | |
customer_service | xm_jm | full | 4000 | | |
carpenter=模板木工 | xm_jm | full | 350-450d | | |
construction_labor | jj | gig | 250d | | |
line_worker | jj,xm_ta,dg_ca | full | 4500-6500 | 16-45 | | agency
"""

# usual pay by trade: (Guizhou, east coast) as (unit, low, high)
PAY = {
    "line_worker": (("month", 2500, 3800), ("month", 5000, 7000)),
    "sewing": (("month", 2500, 4500), ("month", 6000, 9000)),
    "qc": (("month", 2800, 3800), ("month", 5000, 6500)),
    "forklift": (("month", 3500, 4500), ("month", 6000, 7500)),
    "warehouse": (("month", 2800, 3800), ("month", 5000, 6500)),
    "cnc": (("month", 4000, 6000), ("month", 6500, 9500)),
    "welder": (("month", 5000, 8000), ("month", 8000, 12000)),
    "construction_labor": (("day", 160, 220), ("day", 250, 330)),
    "mason": (("day", 250, 350), ("day", 350, 450)),
    "carpenter": (("day", 250, 350), ("day", 350, 450)),
    "rebar": (("day", 250, 350), ("day", 350, 450)),
    "painter": (("day", 220, 320), ("day", 300, 400)),
    "decor_plumbing": (("day", 250, 350), ("day", 350, 450)),
    "electrician": (("month", 4000, 6000), ("month", 6500, 9000)),
    "site_engineer": (("month", 3500, 6000), ("month", 6000, 9000)),
    "driver_small": (("month", 3500, 5000), ("month", 6000, 8000)),
    "driver_truck": (("month", 7000, 10000), ("month", 9000, 13000)),
    "delivery": (("month", 4000, 7000), ("month", 7000, 10000)),
    "mover": (("day", 180, 250), ("day", 250, 350)),
    "kitchen_helper": (("month", 2200, 3000), ("month", 4000, 5000)),
    "cook": (("month", 4000, 6000), ("month", 6000, 9000)),
    "waiter": (("month", 2300, 3200), ("month", 4000, 5500)),
    "hotel_room": (("month", 2300, 3200), ("month", 4000, 5500)),
    "front_desk": (("month", 2500, 3500), ("month", 4500, 6000)),
    "tour_guide": (("month", 3000, 5000), ("month", 5000, 8000)),
    "performer": (("month", 2500, 4000), ("month", 5000, 8000)),
    "security": (("month", 2200, 3200), ("month", 4200, 5500)),
    "cleaner": (("month", 1800, 2600), ("month", 3500, 4500)),
    "gardener": (("month", 2000, 2800), ("month", 3800, 4800)),
    "forest_ranger": (("month", 800, 1000), ("month", 2500, 3500)),
    "nanny": (("month", 3500, 5000), ("month", 7000, 10000)),
    "yuesao": (("month", 6000, 8000), ("month", 12000, 18000)),
    "eldercare": (("month", 3000, 4000), ("month", 5000, 7000)),
    "housekeeping": (("hour", 25, 35), ("hour", 40, 50)),
    "clerk": (("month", 2500, 3500), ("month", 4500, 6000)),
    "accounting": (("month", 3000, 4500), ("month", 5500, 8000)),
    "customer_service": (("month", 2500, 3500), ("month", 4500, 6500)),
    "it": (("month", 3500, 5500), ("month", 7000, 12000)),
    "foreign_trade": (("month", 4000, 6000), ("month", 5000, 9000)),
    "cashier": (("month", 2300, 3000), ("month", 4000, 5000)),
    "sales_shop": (("month", 2500, 4000), ("month", 4500, 7000)),
    "sales_rep": (("month", 3000, 8000), ("month", 6000, 15000)),
    "livestream": (("month", 3000, 6000), ("month", 6000, 12000)),
    "teacher": (("month", 2200, 3500), ("month", 5000, 7000)),
    "nurse": (("month", 3000, 5000), ("month", 6000, 9000)),
    "tea_picking": (("day", 100, 150), ("day", 150, 200)),
    "fruit_picking": (("day", 100, 150), ("day", 150, 200)),
    "farm_labor": (("month", 2200, 3000), ("month", 4000, 5000)),
    "ethnic_craft": (("month", 2000, 3500), ("month", 4000, 6000)),
    "silversmith": (("month", 3000, 5000), ("month", 5000, 8000)),
    "mechanic": (("month", 3500, 6000), ("month", 6000, 9000)),
    "car_wash": (("month", 2500, 3500), ("month", 4500, 6000)),
    "hairdresser": (("month", 3000, 8000), ("month", 5000, 12000)),
}

JT = {"full": "full_time", "part": "part_time", "gig": "gig", "intern": "internship", "pw": "public_welfare"}
JOB_RE = re.compile(r"^([a-z_]+)(?:=([^@?]+))?(?:@([a-z0-9]+))?(?:\?([a-z0-9]+))?$")


def parse_pay(s):
    s = s.strip()
    if s == "":
        return None
    if s == "~":
        return "auto"
    if s == "p":
        return ("piece", None, None)
    unit = "month"
    if s[-1] in "dhp":
        unit = {"d": "day", "h": "hour", "p": "piece"}[s[-1]]
        s = s[:-1]
    if "-" in s:
        a, b = s.split("-")
        return (unit, float(a), float(b))
    return (unit, float(s), float(s))


def parse_hand(text):
    specs = []
    for raw in text.strip().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [x.strip() for x in line.split("|")]
        assert len(parts) == 7, line
        jobs_s, locs_s, jt, pay_s, age_s, edu, flags_s = parts
        flags, kv = [], {}
        for f in [x.strip() for x in flags_s.split(",") if x.strip()]:
            if "=" in f:
                k, v = f.split("=", 1)
                kv[k] = v
            else:
                flags.append(f)
        jobs = []
        for j in jobs_s.split("+"):
            m = JOB_RE.match(j.strip())
            assert m, (j, line)
            trade, title, creq, cpref = m.groups()
            assert trade in TR, trade
            if "mislabel" in kv:  # the title says one thing, the job really is another trade
                real = kv["mislabel"]
            else:
                real = trade
            jobs.append(dict(trade=real, shown_trade=trade, title=title, cert=creq, cert_pref=cpref))
        locs = [x.strip() for x in locs_s.split(",")]
        for k in locs:
            assert k in L, k
        age = tuple(int(x) for x in age_s.split("-")) if age_s else None
        specs.append(dict(jobs=jobs, locs=locs, jt=JT[jt], pay=parse_pay(pay_s), age=age,
                          edu=edu or None, flags=flags, kv=kv))
    return specs


def background_specs(rng, n):
    """Extra postings spread over trades and places, not aimed at any seeker."""
    trades = sorted(TR)
    keys = sorted(L)
    out = []
    for _ in range(n):
        t = rng.choice(trades)
        k = rng.choice(keys)
        if t in ("forest_ranger",):
            jt = "public_welfare"
            if L[k]["pref"] != QDN:
                k = rng.choice(["ls", "jp", "tz", "cg", "lp"])
        elif t in ("tea_picking", "fruit_picking"):
            jt = "gig"
            k = rng.choice(["lp", "ls", "dz", "mj_lm", "zyi_mt", "cj"])
        elif t in ("ethnic_craft", "silversmith", "performer"):
            jt = "full_time"
            k = rng.choice(["kl", "ls_xj", "tj", "jh", "dz", "lp_zx", "gy_nm", "sz_ns", "hz_sc"])
        elif t in ("cleaner", "housekeeping", "kitchen_helper", "customer_service") and rng.random() < 0.3:
            jt = "part_time"
        elif t in ("mover", "construction_labor", "delivery", "painter") and rng.random() < 0.4:
            jt = "gig"
        else:
            jt = "full_time"
        cert = None
        if t == "welder":
            cert = "weld"
        elif t == "forklift":
            cert = "forklift"
        elif t == "electrician":
            cert = "elec"
        elif t == "driver_truck":
            cert = rng.choice(["b2", "a2"])
        elif t == "driver_small":
            cert = "c1"
        age = rng.choice([None, None, (18, 45), (18, 50), (20, 40), (18, 55)])
        edu = None
        if TR[t][0] in ("OFF", "HLT", "EDU") or t == "site_engineer":
            edu = rng.choice(["college", "college", "bachelor", "senior"])
        flags = [rng.choice(["", "html", "typo", "clean", ""])]
        pay = "auto"
        if jt != "public_welfare" and rng.random() < 0.25:
            pay = ("piece", None, None) if t in ("sewing", "ethnic_craft", "line_worker") else None
        out.append(dict(jobs=[dict(trade=t, shown_trade=t, title=None, cert=cert, cert_pref=None)],
                        locs=[k], jt=jt, pay=pay, age=age, edu=edu, flags=[f for f in flags if f],
                        kv={}, background=True))
    return out


# ---------------------------------------------------------------------------
# 5. Rendering: turn hidden specs into postings as employers type them
# ---------------------------------------------------------------------------
SYL = ["鸿", "泰", "信", "华", "达", "盛", "宏", "鑫", "恒", "瑞", "源", "通", "嘉", "顺", "兴", "丰", "立", "安",
       "富", "旺", "佳", "德", "金", "隆", "昌", "腾", "锦", "汇", "利", "博", "苗", "黔", "山", "清"]
SURN = ["王", "李", "张", "刘", "陈", "杨", "吴", "龙", "潘", "石", "欧", "邰", "姜", "罗", "黄"]
KIND = {
    "line_worker": "factory", "sewing": "factory", "qc": "factory", "forklift": "factory", "warehouse": "logistics",
    "cnc": "factory", "welder": "factory", "construction_labor": "site", "mason": "site", "carpenter": "site",
    "rebar": "site", "painter": "decor", "decor_plumbing": "decor", "electrician": "property",
    "site_engineer": "site", "driver_small": "logistics", "driver_truck": "logistics", "delivery": "logistics",
    "mover": "logistics", "kitchen_helper": "restaurant", "cook": "restaurant", "waiter": "restaurant",
    "hotel_room": "hotel", "front_desk": "hotel", "tour_guide": "tourism", "performer": "tourism",
    "security": "property", "cleaner": "property", "gardener": "property", "nanny": "domestic",
    "yuesao": "domestic", "eldercare": "elder", "housekeeping": "domestic", "clerk": "company",
    "accounting": "company", "customer_service": "company", "it": "company", "foreign_trade": "company",
    "cashier": "shop", "sales_shop": "shop", "sales_rep": "company", "livestream": "ecommerce",
    "teacher": "school", "nurse": "hospital", "tea_picking": "agri", "fruit_picking": "agri",
    "farm_labor": "agri", "forest_ranger": "gov", "ethnic_craft": "craft", "silversmith": "craft",
    "mechanic": "auto", "car_wash": "auto", "hairdresser": "salon",
}
PRODUCTS = ["电子元器件", "手机配件", "塑胶制品", "五金配件", "电线电缆", "小家电", "玩具", "箱包", "眼镜", "灯饰",
            "鞋", "服装", "食品", "包装材料", "家具"]
BENEFITS = {
    "factory": ["包吃住", "包住", "五险", "五险一金", "全勤奖", "加班费", "年底双薪", "免费工作餐", "提供宿舍", "空调宿舍", "返费"],
    "site": ["包住", "提供工具", "包吃住", "工资按月结", "有宿舍"],
    "decor": ["提供工具", "活多"],
    "logistics": ["五险", "餐补", "油补", "提成", "周结"],
    "restaurant": ["包吃", "包吃住", "月休4天", "工作餐"],
    "hotel": ["包吃", "包住", "五险", "月休4天"],
    "tourism": ["五险", "包吃住", "提成", "演出补贴"],
    "property": ["五险", "包住", "工作餐", "节日福利"],
    "domestic": ["包吃住", "月休2天", "带薪休假"],
    "elder": ["包吃住", "五险", "培训上岗"],
    "company": ["五险一金", "双休", "节日福利", "带薪年假", "下午茶"],
    "shop": ["五险", "提成", "员工折扣"],
    "ecommerce": ["底薪+提成", "五险", "弹性上班"],
    "school": ["五险一金", "寒暑假", "带薪休假"],
    "hospital": ["五险一金", "带薪年假", "食堂"],
    "agri": ["包午饭", "接送"],
    "gov": [],
    "craft": ["计件", "可带回家做", "包午饭"],
    "auto": ["包吃住", "五险", "提成"],
    "salon": ["提成", "包住"],
}
HOURS = {
    "factory": ["长白班 8:00-17:30，加班另算", "两班倒，做六休一", "8小时制，周末双休", "11个小时，两班倒，月休4天"],
    "site": ["早七晚六", "按天算，干多少天拿多少", "包工价或者点工价都可以谈"],
    "logistics": ["早班/夜班可选", "上六休一", "时间自由，多劳多得"],
    "restaurant": ["上午10点到晚上9点，中间休息", "两头班", "月休4天"],
    "hotel": ["三班倒", "早班7:30-16:00", "月休4天"],
    "property": ["12小时一班，两班倒", "做一休一", "白班"],
    "company": ["朝九晚五，双休", "单休", "大小周"],
    "school": ["周一到周五", "寒暑假带薪"],
    "hospital": ["按科室排班"],
}
CONTACT_TAIL = ["经理", "主管", "女士", "先生", "老板", "姐", "哥"]
EMOJI = ["🔥", "‼️", "💰", "👉", "✨", "📞"]
TYPOS = [("包吃住", "包吃往"), ("工资", "公资"), ("电焊", "電焊"), ("焊工", "焊公"), ("待遇", "待偶"), ("面议", "面义"),
         ("服务员", "服物员"), ("保洁", "保结"), ("招聘", "招骋"), ("普工", "普公"), ("叉车", "插车"), ("宿舍", "宿社"),
         ("熟手", "熟守"), ("师傅", "师父"), ("急招", "急找"), ("年龄", "年令"), ("以上", "已上"), ("联系", "连系"),
         ("月薪", "月新"), ("厨师", "橱师"), ("点焊", "点焊"), ("电焊", "点焊")]


def nm(rng):
    a = rng.choice(SYL)
    b = rng.choice([x for x in SYL if x != a])
    return a + b


def county_full(lc):
    c = lc["county"]
    if lc["pref"] == QDN:
        return c + ("市" if c == "凯里" else "县")
    return c


def employer_name(spec, rng, lc, kind):
    pp = lc["names"][0] if lc["pref"] != QDN else lc["county"]
    prod = spec["kv"].get("prod")
    n = nm(rng)
    if spec["jt"] == "public_welfare":
        t = spec["jobs"][0]["trade"]
        if t == "forest_ranger":
            return county_full(lc) + "林业局"
        d = lc["dnames"][0]
        if d and (d.endswith("镇") or d.endswith("街道")):
            return county_full(lc) + d + ("人民政府" if d.endswith("镇") else "办事处")
        if t in ("cleaner", "gardener"):
            return county_full(lc) + rng.choice(["住房和城乡建设局（环卫站）", "乡村振兴局"])
        return county_full(lc) + rng.choice(["人力资源和社会保障局", "民政局"])
    if "station" in spec["flags"]:
        home = rng.choice(["黔东南州", "丹寨县", "榕江县", "从江县", "黎平县", "剑河县", "台江县"])
        return f"{home}驻{L[spec['locs'][0]]['names'][0]}劳务协作站"
    if "agency" in spec["flags"]:
        return rng.choice([f"贵州{n}人力资源服务有限公司", f"凯里市{n}劳务派遣有限公司", f"黔东南州{n}劳务有限公司",
                           f"{rng.choice(['丹寨', '榕江', '黎平', '三穗'])}县{n}人力资源有限公司"])
    if "bangfu" in spec["flags"]:
        return f"{county_full(lc)}{lc['dnames'][0]}就业帮扶车间（{n}{rng.choice(['服饰', '电子', '工艺品', '制衣'])}）"
    if spec["jt"] == "internship" and rng.random() < 0.5:
        return f"{county_full(lc) if lc['pref'] == QDN else pp}{rng.choice(['政务服务中心', '融媒体中心', '供销社', '图书馆', '城投公司'])}"
    if kind == "factory":
        p = prod or spec["kv"].get("prod_auto") or "实业"
        return f"{pp}{n}{p}{rng.choice(['', '科技', '制品', '实业'])}有限公司".replace("鞋制品", "鞋业").replace("服装制品", "服装")
    if kind == "site":
        return rng.choice([f"贵州{n}建设工程有限公司", f"{n}建设集团{pp}项目部", f"{pp}{n}建筑劳务有限公司"])
    if kind == "decor":
        return rng.choice([f"{pp}{n}装饰工程有限公司", f"{n}装修队", "个人（装修老板）"])
    if kind == "logistics":
        return rng.choice([f"{pp}{n}物流有限公司", f"{pp}{n}供应链管理有限公司", f"{n}速运{pp}站点", f"{pp}{n}配送站"])
    if kind == "restaurant":
        return rng.choice([f"{n}酸汤鱼" if lc["prov"] == "贵州" else f"{n}餐饮", f"{pp}{n}餐饮管理有限公司",
                           f"{n}土菜馆", f"{pp}{n}大酒店"])
    if kind == "hotel":
        return rng.choice([f"{pp}{n}大酒店", f"{n}客栈", f"{n}民宿", f"{pp}{n}酒店管理有限公司"])
    if kind == "tourism":
        return rng.choice([f"{pp}{n}旅游开发有限公司", f"{n}旅行社", f"{pp}{n}文化旅游演艺有限公司"])
    if kind == "property":
        t = spec["jobs"][0]["shown_trade"]
        if t == "security":
            return rng.choice([f"{pp}{n}物业服务有限公司", f"{pp}{n}保安服务有限公司"])
        if t == "cleaner":
            return rng.choice([f"{pp}{n}物业服务有限公司", f"{pp}{n}环境卫生管理有限公司"])
        return f"{pp}{n}物业服务有限公司"
    if kind == "domestic":
        return rng.choice([f"{pp}{n}家政服务有限公司", f"{n}母婴护理中心", "个人雇主"])
    if kind == "elder":
        return rng.choice([f"{pp}{n}养老服务中心", f"{pp}{n}康养院"])
    if kind == "company":
        return rng.choice([f"{pp}{n}科技有限公司", f"{pp}{n}商贸有限公司", f"{pp}{n}财税咨询有限公司",
                           f"{pp}{n}信息技术有限公司", f"{pp}{n}进出口有限公司"])
    if kind == "shop":
        title0 = spec["jobs"][0]["title"] or ""
        if "药" in title0:
            return f"{n}大药房"
        if "灯饰" in title0:
            return f"{n}灯饰城"
        if prod == "超市":
            return f"{n}超市"
        if prod == "电脑":
            return f"{pp}{n}电脑城"
        if prod == "万达小镇":
            return f"{n}民族服饰店（万达小镇）"
        return rng.choice([f"{n}超市", f"{n}服饰", f"{pp}{n}购物广场", f"{n}便利店"])
    if kind == "ecommerce":
        return rng.choice([f"{pp}{n}电子商务有限公司", f"{pp}{n}文化传媒有限公司"])
    if kind == "school":
        return rng.choice([f"{pp}{n}幼儿园", f"{n}托育中心", f"{pp}{n}教育培训学校"])
    if kind == "hospital":
        if lc["pref"] == QDN and rng.random() < 0.5:
            return f"{county_full(lc)}人民医院"
        return f"{pp}{n}医院"
    if kind == "agri":
        return rng.choice([f"{pp}{n}农业发展有限公司", f"{pp}{n}茶业有限公司", f"{pp}{n}种养殖专业合作社"])
    if kind == "craft":
        return rng.choice([f"{pp}{n}民族工艺品有限公司", f"{n}蜡染坊", f"{pp}{n}苗绣专业合作社", f"{n}银饰坊"])
    if kind == "auto":
        return rng.choice([f"{pp}{n}汽车维修服务有限公司", f"{n}汽修厂", f"{n}洗车行"])
    if kind == "salon":
        return f"{n}美发造型"
    return f"{pp}{n}有限公司"


def fmt_num(x):
    return str(int(x)) if x is not None and float(x).is_integer() else str(x)


def pay_text(pay, rng, kind=""):
    if pay is None:
        return rng.choice(["工资面议", "薪资面议", "待遇面谈", "工资面议，待遇从优", "薪资：面议"])
    unit, a, b = pay
    if unit == "piece":
        return rng.choice(["计件，多劳多得", "计件工资，熟手一个月七八千没问题", "按件计酬，上不封顶", "计件+保底"])
    a, b = fmt_num(a), fmt_num(b)
    if unit == "month":
        if a == b:
            if kind == "official":
                return f"{a}元/月"
            return rng.choice([f"{a}元/月", f"月薪{a}", f"工资{a}一个月", f"{a}/月"])
        opts = [f"月薪{a}-{b}元", f"综合工资{a}-{b}", f"工资{a}~{b}/月", f"{a}-{b}元/月"]
        if kind in ("shop", "ecommerce", "company", "logistics", "auto", "salon"):
            opts.append(f"底薪+提成，月入{a}-{b}")
        if kind == "official":
            opts = [f"{a}-{b}元/月"]
        return rng.choice(opts)
    if unit == "day":
        if a == b:
            return rng.choice([f"{a}元/天", f"日结{a}元", f"一天{a}", f"工价{a}/天"])
        return rng.choice([f"{a}-{b}元/天", f"日结{a}-{b}", f"一天{a}到{b}"])
    if unit == "hour":
        if a == b:
            return f"{a}元/小时"
        return rng.choice([f"{a}-{b}元/小时", f"小时工{a}-{b}元/h", f"时薪{a}-{b}"])
    return ""


def pay_fields(pay, rng):
    if pay is None:
        z = rng.choice([None, 0])
        return z, z, "month"
    unit, a, b = pay
    if unit == "piece":
        lo = rng.choice([0.3, 0.5, 0.8, 1.2, 1.5])
        return lo, round(lo * rng.choice([2, 3, 4]), 1), "piece"
    return (int(a) if float(a).is_integer() else a), (int(b) if float(b).is_integer() else b), unit


def req_text(spec, rng):
    parts = []
    if spec["age"]:
        a, b = spec["age"]
        parts.append(rng.choice([f"年龄{a}-{b}岁", f"{a}-{b}周岁", f"年龄{a}至{b}周岁"]))
    if spec["edu"] and spec["edu"] in EDU_TEXT:
        parts.append(rng.choice(EDU_TEXT[spec["edu"]]))
    for j in spec["jobs"]:
        if j["cert"]:
            t = rng.choice(CERT_TEXT[j["cert"]])
            parts.append((j["title_shown"] + t) if len(spec["jobs"]) > 1 else t)
        if j["cert_pref"]:
            parts.append(rng.choice(CERT_TEXT[j["cert_pref"]]).replace("需", "有").replace("必须", "") + "优先")
    if spec["jt"] == "public_welfare":
        parts.append(rng.choice(["限脱贫人口（含监测对象）、就业困难人员、零就业家庭成员",
                                 "面向脱贫劳动力、就业困难人员，优先安置大龄和弱劳动力"]))
    if spec["jt"] == "internship":
        parts.append(rng.choice(["离校2年内未就业高校毕业生或16-24岁失业青年", "2021-2023届未就业高校毕业生"]))
    extra = rng.sample(["身体健康，吃苦耐劳", "男女不限", "有经验者优先", "无不良嗜好", "能适应倒班", "会讲普通话",
                        "责任心强", "服从安排"], rng.choice([0, 1, 2]))
    parts += extra
    return parts


def apply_typos(text, rng, k):
    cands = [(a, b) for a, b in TYPOS if a in text and a != b]
    rng.shuffle(cands)
    for a, b in cands[:k]:
        text = text.replace(a, b, 1)
    return text


def render(spec, rng):
    locs = [L[k] for k in spec["locs"]]
    lc = locs[0]
    kind = KIND[spec["jobs"][0]["shown_trade"]]
    flags = spec["flags"]
    if kind == "factory" and "prod" not in spec["kv"]:
        spec["kv"]["prod_auto"] = rng.choice(PRODUCTS)
    for j in spec["jobs"]:
        j["title_shown"] = j["title"] or rng.choice(TR[j["shown_trade"]][2])
    titles = [j["title_shown"] for j in spec["jobs"]]
    multi = len(titles) > 1
    if spec["pay"] == "auto":
        east = lc["prov"] in EAST_PROVS
        unit, lo, hi = PAY[spec["jobs"][0]["trade"]][1 if east else 0]
        if spec["jt"] == "public_welfare":
            unit, lo, hi = "month", 800, 1800
        a = lo + rng.randint(0, 3) * (50 if unit != "month" else 100) * (1 if unit != "hour" else 0.1)
        b = max(a, hi - rng.randint(0, 3) * (50 if unit != "month" else 100) * (1 if unit != "hour" else 0.1))
        if unit == "day":
            a, b = round(a / 10) * 10, round(b / 10) * 10
        elif unit == "hour":
            a, b = round(a), round(b)
        spec["pay"] = (unit, float(a), float(b))
    pay = spec["pay"]
    emp = employer_name(spec, rng, lc, kind)
    city = rng.choice(lc["names"])
    district = rng.choice(lc["dnames"])
    place_str = city if (not district or district[:2] in city) else city + district
    n_head = {"factory": rng.choice([10, 20, 30, 50, 80, 100, 200]), "site": rng.choice([5, 10, 20, 30]),
              "domestic": 1, "elder": rng.choice([2, 3, 5])}.get(kind, rng.choice([1, 1, 2, 2, 3, 5]))
    if "agency" in flags:
        n_head = rng.choice([200, 300, 500])
    if spec["jt"] in ("public_welfare", "internship"):
        n_head = rng.choice([1, 2, 3, 5, 10]) if spec["jt"] == "public_welfare" else rng.choice([1, 2, 3])
    official = spec["jt"] in ("public_welfare", "internship")
    ptxt = pay_text(pay, rng, "official" if official else kind)
    hype = "hype" in flags
    messy = rng.random() < 0.55 and "clean" not in flags and spec["jt"] not in ("public_welfare", "internship")
    # ---- title ----
    t0 = titles[0]
    place_word = rng.choice(lc["names"]) if lc["pref"] != QDN else lc["county"]
    if spec["jt"] == "public_welfare":
        if "公益" in t0:
            title = f"{county_full(lc)}招聘{t0}{n_head}名"
        else:
            title = rng.choice([f"{'乡村' if lc['county'] != '凯里' else '城镇'}公益性岗位（{t0}）", f"公益性岗位-{t0}",
                                f"{county_full(lc)}公益性岗位招聘{t0}{n_head}名"])
    elif spec["jt"] == "internship":
        title = rng.choice([f"就业见习岗位：{t0}", f"2023年就业见习-{t0}", f"{t0}（就业见习）"])
    elif "agency" in flags:
        places = "/".join(L[k]["names"][0] for k in spec["locs"])
        title = rng.choice([f"大量招聘{t0} {places} 包吃住 返费高", f"{places}名企直招{t0}，月入{fmt_num(pay[2])}+",
                            f"【劳务输出】{places}电子厂{t0}，统一坐车出发"])
    elif multi:
        sep = rng.choice(["/", "、", " ", "，"])
        title = rng.choice([f"招{sep.join(titles)}", f"{emp[:6]}招聘：{sep.join(titles)}", f"急招{sep.join(titles)}等"])
    else:
        opts = [t0, f"招聘{t0}", f"诚聘{t0}"]
        if messy:
            opts = [f"招{t0} 包吃住" if "包吃住" in BENEFITS.get(kind, []) or "lodging" in flags else f"招{t0}",
                    f"急招{t0}{n_head}名", f"【{place_word}】{t0}", f"{t0}！！{ptxt}", f"{place_word}招{t0}",
                    f"招{t0}数名，待遇优"]
            if spec["jt"] == "gig" or "daily" in flags:
                opts.append(f"{t0} 日结 {ptxt}")
        title = rng.choice(opts)
        if hype and pay and pay[0] != "piece" and (pay[2] >= 9000 or (pay[0] == "day" and pay[2] >= 350)):
            title = rng.choice([f"高薪招{t0} 月入过万", f"{t0}，月入过万不是梦", f"招{t0} 工资高 月入1万+"])
    if messy and rng.random() < 0.3:
        title = rng.choice(EMOJI) + title
    # ---- description ----
    seg = []
    prod = spec["kv"].get("prod") or spec["kv"].get("prod_auto") or rng.choice(PRODUCTS)
    if spec["jt"] == "public_welfare":
        seg.append(f"根据{county_full(lc)}公益性岗位开发管理有关规定，{emp}现开发{t0}岗位{n_head}个")
        seg.append("工作内容：" + rng.choice(TR[spec['jobs'][0]['shown_trade']][3]))
        seg.append(f"岗位补贴{ptxt}" if pay else "岗位补贴按规定发放")
        seg.append("申报对象：" + rng.choice(["脱贫人口（含防止返贫监测对象）、就业困难人员、零就业家庭成员",
                                          "本辖区脱贫户、监测户劳动力及就业困难人员，大龄、弱劳力优先"]))
        where = district if district.endswith(("镇", "街道", "安置区")) else "所在村（社区）"
        seg.append(f"报名请带身份证、户口本到{where}报名")
    elif spec["jt"] == "internship":
        seg.append(f"{emp}（{county_full(lc) if lc['pref'] == QDN else lc['names'][0]}就业见习基地）2023年就业见习岗位：{t0}{n_head}名")
        seg.append("见习内容：" + rng.choice(TR[spec['jobs'][0]['shown_trade']][3]))
        seg.append(f"见习期6个月，见习补贴{ptxt}，购买意外伤害保险，表现好的见习期满可留用")
        seg.append("面向离校2年内未就业高校毕业生和16-24岁失业青年")
    elif "agency" in flags:
        seg.append(rng.choice(["我司长期与以下名企合作，现大量招聘", "政府劳务协作推荐，正规厂，不收任何费用"]))
        for i, k in enumerate(spec["locs"]):
            p2 = L[k]
            pn = p2["county"] if p2["county"].startswith(p2["names"][0]) else p2["names"][0] + p2["county"]
            seg.append(f"{i + 1}、{pn}"
                       f"{rng.choice(PRODUCTS)}厂：{t0}，{pay_text(pay, rng, 'factory')}，{rng.choice(HOURS['factory'])}")
        seg.append(rng.choice(["凯里及各县可上门接人，统一坐大巴出发", "报名后免费坐返岗直通车，到厂报到", "进厂满一个月有返费"]))
    else:
        if kind == "factory":
            seg.append(rng.choice([f"本厂位于{place_str}，主要生产{prod}，因订单增加现招聘",
                                   f"{emp}是一家生产{prod}的企业，现招",
                                   f"{prod}厂招人，"]))
        elif "bangfu" in flags:
            seg.append(f"{district}就业帮扶车间，家门口就业，照顾家里两不误")
        else:
            seg.append(rng.choice([f"{emp}现招", f"因业务扩大，{emp}诚聘", f"{place_str}，招"]))
        for i, j in enumerate(spec["jobs"]):
            duty = rng.choice(TR[j["shown_trade"]][3])
            if multi:
                if i == 0 and seg[-1].endswith(("招", "招聘", "诚聘")):
                    seg[-1] += "以下岗位："
                seg.append(f"{i + 1}、{j['title_shown']}{rng.choice([1, 2, 3, 5, 10])}名：{duty}")
            elif seg[-1].endswith(("招", "招聘", "诚聘")):
                seg[-1] += f"{j['title_shown']}{n_head}名，{duty}"
            else:
                seg.append(f"{j['title_shown']}{n_head}名，{duty}")
        if "bangfu" in flags:
            seg.append(rng.choice(["可以接送孩子，时间灵活", "搬迁群众优先", "计件加保底，多劳多得"]))
        seg.append(("工资：" if rng.random() < 0.5 else "") + ptxt)
        if kind in HOURS and rng.random() < 0.7:
            seg.append("上班时间：" + rng.choice(HOURS[kind]))
        if spec["jt"] == "gig" or "daily" in flags:
            seg.append(rng.choice(["当天结账", "干一天结一天", "今天干今天结"]))
        if spec["jt"] == "part_time":
            seg.append(rng.choice(["每天上午或下午半天", "一天4个小时左右", "时间可以商量"]))
    # benefits
    bpool = BENEFITS.get(kind, [])
    bens = []
    if spec["jt"] == "internship":
        bens = ["见习补贴", "意外伤害保险"]
    elif spec["jt"] != "public_welfare" and bpool:
        bens = rng.sample(bpool, min(len(bpool), rng.choice([0, 1, 2, 3])))
        if "lodging" in flags and "包吃住" not in bens:
            bens.insert(0, "包吃住")
        if spec["jt"] == "gig" or "daily" in flags:
            bens = [b for b in bens if b != "工资按月结"]
        if "daily" in flags and "日结" not in bens:
            bens.append("日结")
    if bens and rng.random() < 0.6:
        seg.append("待遇：" + "、".join(bens))
    reqs = req_text(spec, rng)
    put_req_in_desc = messy and rng.random() < 0.5
    if reqs and (put_req_in_desc or rng.random() < 0.3):
        seg.append("要求：" + "，".join(reqs))
    if spec["jt"] not in ("public_welfare", "internship"):
        seg.append(rng.choice([f"电话：1{rng.choice('3589')}{rng.randint(0, 9)}****{rng.randint(1000, 9999)}"
                               f"（{rng.choice(SURN)}{rng.choice(CONTACT_TAIL)}）",
                               "有意者直接到厂面试" if kind == "factory" else "有意者直接到店面试",
                               "扫码报名，一键投递", f"联系人：{rng.choice(SURN)}{rng.choice(CONTACT_TAIL)}，微信同号",
                               "带身份证直接来面试"]))
    else:
        area = "0855" if lc["pref"] == QDN else ("0851" if lc["pref"] == "贵阳" else "0851")
        seg.append(rng.choice([f"联系电话：{area}-" + str(rng.randint(3000000, 8999999)), "咨询电话见公告"]))
    # join / noise
    html = "html" in flags or (messy and rng.random() < 0.35)
    if html:
        sep = rng.choice(["<br>", "<br/>", "<br>&nbsp;"])
        desc = sep.join(seg)
        if rng.random() < 0.5:
            desc = "<p>" + desc + "</p>"
        desc = desc.replace("、", rng.choice(["、", "&nbsp;", "、"]), 2)
    elif messy:
        desc = rng.choice([" ", "，", "\n", "。"]).join(seg)
    else:
        desc = "。".join(seg) + "。"
    typo = "typo" in flags or (messy and rng.random() < 0.25)
    if typo:
        k = rng.choice([1, 2, 3])
        title = apply_typos(title, rng, 1)
        desc = apply_typos(desc, rng, k)
    if messy and rng.random() < 0.25:
        desc = rng.choice(EMOJI) + desc + rng.choice(["", "！！！", "～", " 速来"])
    requirements = "" if put_req_in_desc else "，".join(reqs)
    if spec["jt"] != "public_welfare" and not bens and rng.random() < 0.3 and not put_req_in_desc:
        pass  # kept so the random stream (and the output) stays as built
    sal_min, sal_max, sal_unit = pay_fields(pay, rng)
    lat = round(lc["lat"] + rng.uniform(-0.008, 0.008), 6)
    lng = round(lc["lng"] + rng.uniform(-0.008, 0.008), 6)
    is_messy = bool(html or typo or messy or multi or "agency" in flags or pay is None
                    or (pay and pay[0] in ("piece",)) or spec["jt"] == "gig")
    post = dict(title=title, description=desc, employer=emp, job_type=spec["jt"], city=city, district=district,
                lat=lat, lng=lng, salary_min=sal_min, salary_max=sal_max, salary_unit=sal_unit,
                headcount=n_head, requirements=requirements, benefits=bens)
    spec["coords"] = (lat, lng)
    spec["messy"] = is_messy
    return post


# ---------------------------------------------------------------------------
# 6. Grading (rules written out in README.md)
# ---------------------------------------------------------------------------
DAYS_PER_MONTH = 26
HOURS_PER_DAY = 10  # factory hourly work in the east runs ~10-11 h; used only to compare pay


def monthly(unit, x):
    if x is None or unit == "piece":
        return None
    return {"month": 1, "day": DAYS_PER_MONTH, "hour": DAYS_PER_MONTH * HOURS_PER_DAY}[unit] * x


def place_match(spec_item, lc, coords, home):
    kind = spec_item[0]
    if kind == "prov":
        return lc["prov"] == spec_item[1]
    if kind == "notprov":
        return lc["prov"] != spec_item[1]
    if kind == "pref":
        return lc["pref"] == spec_item[1]
    if kind == "county":
        return lc["pref"] == QDN and lc["county"] == spec_item[1]
    if kind == "loc":
        return lc["key"] == spec_item[1]
    if kind == "region":
        r = REGIONS[spec_item[1]]
        return lc["prov"] in r.get("provs", ()) or lc["pref"] in r.get("prefs", ())
    if kind == "radius":
        return home is not None and haversine(home, coords) <= spec_item[1]
    if kind == "nearloc":
        c = L[spec_item[1]]
        return haversine((c["lat"], c["lng"]), coords) <= spec_item[2]
    raise ValueError(spec_item)


def place_level(sk, post):
    """'ok', 'soft' or 'no' - best over the places a posting covers."""
    best = "no"
    for i, k in enumerate(post["locs"]):
        lc = L[k]
        coords = post["coords"] if i == 0 else (lc["lat"], lc["lng"])
        if any(place_match(s, lc, coords, sk["home"]) for s in sk["accept"]):
            return "ok"
        if any(place_match(s, lc, coords, sk["home"]) for s in sk["soft"]):
            best = "soft"
    return best


def trade_level(sk, trade):
    if trade in sk["avoid"]:
        return 0
    if trade in sk["want3"]:
        return 3
    if trade in sk["want2"] or any(trade in RELATED.get(w, []) for w in sk["want3"]):
        return 2
    if any(TR[trade][0] == TR[w][0] for w in sk["want3"]):
        return 1
    return 0


def has_cert(sk, c):
    held = []
    for h in sk["certs"]:
        held += CERT_COVERS.get(h, [h])
    return c in held


def jobtype_soft(avail, jt):
    if avail == "full_time":
        return jt in ("part_time", "gig")
    if avail == "part_time":
        return jt in ("full_time", "internship")
    if avail == "gig":
        return jt in ("full_time", "internship", "public_welfare")
    return False


def grade_pair(sk, post):
    """Return (grade, reason)."""
    jt = post["jt"]
    if jt == "internship" and "graduate" not in sk["groups"]:
        return 0, "internship, not a graduate"
    if jt == "public_welfare" and not any(g in PW_GROUPS for g in sk["groups"]):
        return 0, "public-welfare post, not eligible"
    pl = place_level(sk, post)
    if pl == "no":
        return 0, "place not accepted"
    best, why = 0, ""
    for j in post["jobs"]:
        t = trade_level(sk, j["trade"])
        if t == 0:
            continue
        pen, notes = 0, []
        if pl == "soft":
            pen += 1
            notes.append("place soft")
        if jobtype_soft(sk["avail"], jt):
            pen += 1
            notes.append("job type")
        exp_unit = sk["exp"][1]
        exp_m = monthly(exp_unit, sk["exp"][0]) if sk["exp"][0] else None
        pay = post["pay"]
        if exp_m and pay is not None and pay[0] != "piece":
            ratio = monthly(pay[0], pay[2]) / exp_m
            if ratio < 0.75:
                pen += 2
                notes.append("pay much lower")
            elif ratio < 1.0:
                pen += 1
                notes.append("pay a bit low")
        if j["cert"] and not has_cert(sk, j["cert"]):
            pen += 2
            notes.append("missing cert " + j["cert"])
        if post["age"] and not (post["age"][0] <= sk["age"] <= post["age"][1]):
            pen += 2
            notes.append("age")
        if post["edu"] and EDU_RANK[sk["edu"]] < EDU_RANK[post["edu"]]:
            pen += 2
            notes.append("education")
        g = max(0, t - pen)
        if g > best:
            best, why = g, f"{j['trade']} level {t}; " + (", ".join(notes) or "no drawback")
    return best, why


# ---------------------------------------------------------------------------
# 7. Build
# ---------------------------------------------------------------------------
REAL_TEXT_SHARE = 0.8  # share of a seeker's grade>=2 postings written messily


def seeker_classes(sk):
    cl = []
    if any(w in REGION_WORDS for w in sk["desired_cities"]):
        cl.append("region_words")
    if sk["vague"]:
        cl.append("vague_wants")
    if sk["near"]:
        cl.append("near_home")
    if sk["multi"]:
        cl.append("multi_want")
    if "graduate" in sk["groups"]:
        cl.append("graduates")
    if any(g in KEY_GROUPS for g in sk["groups"]):
        cl.append("key_groups")
    return cl


def profile_record(sk, classes):
    return dict(
        id=sk["id"], self_description=sk["self_description"], skills=sk["skills"],
        certificates=sk["certificates"], desired_occupations=sk["desired_occupations"],
        desired_cities=sk["desired_cities"],
        lat=None if sk["home"] is None else round(sk["home"][0], 4),
        lng=None if sk["home"] is None else round(sk["home"][1], 4),
        expected_salary_min=sk["exp"][0], expected_salary_unit=sk["exp"][1], education=sk["edu"], age=sk["age"],
        groups=sk["groups"], availability=sk["avail"], classes=classes)


def build():
    rng = random.Random(SEED)
    specs = parse_hand(HAND)
    specs += background_specs(random.Random(SEED + 1), 24)
    random.Random(SEED + 2).shuffle(specs)
    postings = []
    for i, sp in enumerate(specs):
        sp["id"] = f"A{i + 1:03d}"
        rec = render(sp, rng)
        postings.append(dict(id=sp["id"], **rec))
    judg = []
    per_seeker = {}
    for sk in SEEKERS:
        rows = []
        for sp in specs:
            g, why = grade_pair(sk, sp)
            if g >= 1:
                rows.append((sp["id"], g, why))
        per_seeker[sk["id"]] = rows
        for pid, g, _ in rows:
            judg.append(dict(profile_id=sk["id"], posting_id=pid, grade=g))
    # real_text: most of the postings that matter (grade>=2) are written messily
    spec_by_id = {sp["id"]: sp for sp in specs}
    profiles = []
    for sk in SEEKERS:
        cl = seeker_classes(sk)
        good = [pid for pid, g, _ in per_seeker[sk["id"]] if g >= 2]
        sk["messy_share"] = sum(spec_by_id[p]["messy"] for p in good) / len(good) if good else 0
        if good and sk["messy_share"] >= REAL_TEXT_SHARE:
            cl.append("real_text")
        sk["classes"] = cl
        profiles.append(profile_record(sk, cl))
    return specs, postings, profiles, judg, per_seeker


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def main():
    specs, postings, profiles, judg, per_seeker = build()
    write_jsonl(os.path.join(HERE, "postings.jsonl"), postings)
    write_jsonl(os.path.join(HERE, "profiles.jsonl"), profiles)
    write_jsonl(os.path.join(HERE, "judgments.jsonl"), judg)

    # ---- checks and summary ----
    problems = []
    for name in ("postings.jsonl", "profiles.jsonl", "judgments.jsonl"):
        with open(os.path.join(HERE, name), encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                json.loads(line)
    post_keys = ["id", "title", "description", "employer", "job_type", "city", "district", "lat", "lng", "salary_min",
                 "salary_max", "salary_unit", "headcount", "requirements", "benefits"]
    prof_keys = ["id", "self_description", "skills", "certificates", "desired_occupations", "desired_cities", "lat",
                 "lng", "expected_salary_min", "expected_salary_unit", "education", "age", "groups", "availability",
                 "classes"]
    for p in postings:
        assert list(p) == post_keys, p["id"]
        assert p["job_type"] in ("full_time", "part_time", "gig", "internship", "public_welfare")
        assert p["salary_unit"] in ("month", "day", "hour", "piece")
        assert isinstance(p["headcount"], int) and isinstance(p["benefits"], list)
        assert 18 < p["lat"] < 35 and 100 < p["lng"] < 125
    for p in profiles:
        assert list(p) == prof_keys, p["id"]
        assert p["education"] in EDU_RANK and p["availability"] in ("full_time", "gig", "part_time")
        assert all(g in ("graduate", "poverty_relieved", "relocated", "rural_migrant", "low_income", "hard_to_employ",
                         "older_worker", "zero_employment_household") for g in p["groups"])
    ids = [p["id"] for p in postings]
    assert len(ids) == len(set(ids))
    for sk in SEEKERS:
        rows = per_seeker[sk["id"]]
        n1 = len(rows)
        n3 = sum(1 for _, g, _ in rows if g == 3)
        if n1 < 3 or n3 < 1:
            problems.append(f"{sk['id']}: {n1} relevant, {n3} grade-3")
        # radius borderline warnings (a posting within 1.5 km of a radius edge)
        for s in sk["accept"]:
            if s[0] in ("radius", "nearloc"):
                c = sk["home"] if s[0] == "radius" else (L[s[1]]["lat"], L[s[1]]["lng"])
                r = s[-1]
                for sp in specs:
                    d = haversine(c, sp["coords"])
                    if abs(d - r) < 1.5:
                        problems.append(f"{sk['id']}: {sp['id']} at {d:.1f} km, radius {r}")
    gd = Counter(j["grade"] for j in judg)
    cls = Counter(c for p in profiles for c in p["classes"])
    jt = Counter(p["job_type"] for p in postings)
    prov = Counter(L[sp["locs"][0]]["prov"] if L[sp["locs"][0]]["pref"] != QDN else "黔东南" for sp in specs)
    print(f"postings: {len(postings)}  profiles: {len(profiles)}  judgments: {len(judg)}")
    print("grades:", dict(sorted(gd.items())))
    print("classes:", dict(sorted(cls.items())))
    print("job types:", dict(sorted(jt.items())))
    print("posting places:", dict(sorted(prov.items())))
    print("messy postings:", sum(sp["messy"] for sp in specs))
    print("messy share of grade>=2 postings per seeker:",
          " ".join(f"{sk['id'][1:]}:{sk['messy_share']:.2f}" for sk in SEEKERS))
    per = [(sk["id"], len(per_seeker[sk["id"]]), sum(1 for _, g, _ in per_seeker[sk["id"]] if g == 3))
           for sk in SEEKERS]
    print("relevant per seeker (min/median/max):", min(x[1] for x in per),
          sorted(x[1] for x in per)[len(per) // 2], max(x[1] for x in per))
    print("grade-3 per seeker (min/median/max):", min(x[2] for x in per),
          sorted(x[2] for x in per)[len(per) // 2], max(x[2] for x in per))
    h = hashlib.sha256()
    for name in ("postings.jsonl", "profiles.jsonl", "judgments.jsonl"):
        h.update(open(os.path.join(HERE, name), "rb").read())
    print("sha256:", h.hexdigest()[:16])
    if problems:
        print("PROBLEMS:")
        for p in problems:
            print("  ", p)
    if "--explain" in sys.argv:
        want = sys.argv[sys.argv.index("--explain") + 1:]
        sp_by = {sp["id"]: sp for sp in specs}
        post_by = {p["id"]: p for p in postings}
        for sk in SEEKERS:
            if want and sk["id"] not in want:
                continue
            print(f"\n== {sk['id']} {sk['desired_occupations']!r} {sk['desired_cities']} {sk['classes']}")
            for pid, g, why in sorted(per_seeker[sk["id"]], key=lambda r: -r[1]):
                sp = sp_by[pid]
                print(f"  {g} {pid} {post_by[pid]['title'][:28]:<28} @{post_by[pid]['city']} | {why}")


if __name__ == "__main__":
    main()
