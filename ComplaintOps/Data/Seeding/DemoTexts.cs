using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Data.Seeding;

/// <summary>Realistic Chinese names, products, merchants and complaint texts for demo data.</summary>
internal static class DemoTexts
{
    public static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"];
    public static readonly string[] GivenNames = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "子涵", "浩然", "雨桐", "欣怡", "宇轩", "梓萱"];
    public static readonly string[] ProductLines = Features.Intake.IntakeOptions.DefaultProductLines;
    public static readonly string[] Merchants = ["优品家电旗舰店", "鲜果直供专营店", "潮流服饰官方店", "数码前沿专卖店", "快乐外卖餐厅", "星辰教育科技", "畅行出行服务", "云启网络科技", "美妆优选店", "母婴之家旗舰店"];
    public static readonly string[] Departments = ["支付业务部", "会员运营部", "内容审核部", "技术保障部", "物流合作部"];
    public static readonly string[] RegulatorSources = ["全国12315平台", "市市场监管局", "省通信管理局"];
    public static readonly string[] OpinionSources = ["黑猫投诉", "微博舆情监测", "消费保"];
    public static readonly string[] MediaSources = ["央视财经", "新华网", "南方都市报"];
    public const string PreHandlingPlan = "专人对接投诉人，当日电话回访安抚情绪；暂停涉事商家相关商品销售，保全订单与沟通记录。";
    public const string EmergencyResponseLine = "我们高度重视您反映的问题，已成立专项小组核查，将在约定时间内给您明确答复；对外统一由客服中心回应。";
    public const string HandlingPlan = "专家坐席牵头，两个工作日内完成商家与物流核实，形成处理方案报主管审批后与投诉人协商落实。";

    public static readonly Dictionary<string, string[]> Cities = new()
    {
        ["北京"] = ["北京"], ["天津"] = ["天津"], ["上海"] = ["上海"], ["重庆"] = ["重庆"],
        ["河北"] = ["石家庄", "保定"], ["山西"] = ["太原", "大同"], ["内蒙古"] = ["呼和浩特", "包头"], ["辽宁"] = ["沈阳", "大连"],
        ["吉林"] = ["长春", "吉林"], ["黑龙江"] = ["哈尔滨", "齐齐哈尔"], ["江苏"] = ["南京", "苏州", "无锡"], ["浙江"] = ["杭州", "宁波", "温州"],
        ["安徽"] = ["合肥", "芜湖"], ["福建"] = ["福州", "厦门"], ["江西"] = ["南昌", "赣州"], ["山东"] = ["济南", "青岛"],
        ["河南"] = ["郑州", "洛阳"], ["湖北"] = ["武汉", "宜昌"], ["湖南"] = ["长沙", "株洲"], ["广东"] = ["广州", "深圳", "东莞"],
        ["广西"] = ["南宁", "桂林"], ["海南"] = ["海口", "三亚"], ["四川"] = ["成都", "绵阳"], ["贵州"] = ["贵阳", "遵义"],
        ["云南"] = ["昆明", "大理"], ["西藏"] = ["拉萨"], ["陕西"] = ["西安", "宝鸡"], ["甘肃"] = ["兰州"], ["青海"] = ["西宁"],
        ["宁夏"] = ["银川"], ["新疆"] = ["乌鲁木齐", "喀什"],
    };

    /// <summary>(title, what happened, demand) per sub-type.</summary>
    public static readonly Dictionary<ProblemSubType, (string Title, string Story, string Demand)[]> Stories = new()
    {
        [ProblemSubType.Licence] = [("商家无营业执照经营", "在平台购买保健品后发现该店铺未公示营业执照，客服也无法提供。", "要求核查商家资质并下架商品")],
        [ProblemSubType.Permit] = [("食品店铺无许可证", "外卖店铺页面未展示食品经营许可证，怀疑为无证经营。", "要求平台核实许可并处理")],
        [ProblemSubType.Account] = [("账号被盗后无法找回", "账号在异地登录后被改绑手机号，申诉三次均未通过。", "要求恢复账号并追回损失"), ("账号无故被封禁", "正常使用中账号被永久封禁，未收到任何说明。", "要求解封并说明原因")],
        [ProblemSubType.Malfunction] = [("支付成功但订单未生成", "付款后银行卡已扣款，但平台显示订单未支付。", "要求退回扣款或补发订单"), ("应用频繁闪退", "升级新版本后应用打开即闪退，影响正常使用。", "要求尽快修复并补偿会员时长")],
        [ProblemSubType.PoorExperience] = [("客服长时间无人应答", "连续两天联系在线客服均排队超过一小时无人回复。", "要求改进服务并给出答复"), ("广告弹窗无法关闭", "视频播放中弹出广告且找不到关闭按钮。", "要求整改广告展示方式")],
        [ProblemSubType.PatentOrKnowledge] = [("商品侵犯外观设计专利", "平台商家销售的产品与我司专利产品外观一致。", "要求下架侵权商品")],
        [ProblemSubType.Copyright] = [("视频被搬运未署名", "本人原创视频被他人账号搬运并获得收益。", "要求删除侵权视频并封禁账号")],
        [ProblemSubType.Trademark] = [("店铺销售假冒品牌商品", "购买的品牌运动鞋经鉴定为假冒商品。", "要求退一赔三并处理商家")],
        [ProblemSubType.ReturnOrRefund] = [("七天无理由退货被拒", "商品未拆封申请七天无理由退货，商家拒绝。", "要求全额退款"), ("退款超过十天未到账", "商家已同意退款，但十多天仍未收到款项。", "要求尽快退款")],
        [ProblemSubType.Exchange] = [("收到商品破损要求换货", "收到的电饭煲外壳破裂，商家只同意补偿五元。", "要求换新")],
        [ProblemSubType.ShippingFeeDispute] = [("退货运费由谁承担", "商品质量问题退货，商家要求买家承担往返运费。", "要求商家承担运费")],
        [ProblemSubType.Renewal] = [("会员自动续费未提醒", "会员到期前未收到任何提醒即被自动扣费。", "要求退还续费并关闭自动续费")],
        [ProblemSubType.FeeRefund] = [("课程退费被拒", "在线课程未上课申请退费，平台称已过退费期。", "要求按比例退还学费")],
    };
}
