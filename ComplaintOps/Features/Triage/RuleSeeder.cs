using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Triage;

/// <summary>
/// Starting rules for classification and risk grading, written when the rule tables are empty — with or
/// without demo data, so a fresh installation grades from the first complaint. Administrators edit them at /admin/rules.
/// </summary>
public static class RuleSeeder
{
    public static readonly IReadOnlyDictionary<ProblemSubType, string> ClassificationKeywords = new Dictionary<ProblemSubType, string>
    {
        [ProblemSubType.Licence] = "营业执照, 执照, 资质, 无证经营, business licence, business license, licence, license",
        [ProblemSubType.Permit] = "许可证, 经营许可, 备案, 行政许可, permit, authorisation, authorization",
        [ProblemSubType.Account] = "账号, 账户, 帐号, 登录, 登陆, 密码, 封号, 冻结, 被盗, account, login, log in, password, locked out, hacked",
        [ProblemSubType.Malfunction] = "故障, 坏了, 无法使用, 不能用, 闪退, 死机, 黑屏, 失灵, broken, malfunction, not working, stopped working, crash, defect",
        [ProblemSubType.PoorExperience] = "体验差, 态度差, 服务差, 态度恶劣, 卡顿, 难用, 不耐烦, 敷衍, poor service, rude, bad experience, unhelpful, slow",
        [ProblemSubType.PatentOrKnowledge] = "专利, 技术抄袭, 外观设计, 发明, patent, design copied",
        [ProblemSubType.Copyright] = "版权, 盗版, 著作权, 侵权, 抄袭, 盗用图片, copyright, pirated, piracy, plagiarism",
        [ProblemSubType.Trademark] = "商标, 假冒, 山寨, 冒牌, 仿冒, 假货, trademark, counterfeit, fake brand, knock-off",
        [ProblemSubType.ReturnOrRefund] = "退款, 退货, 退钱, 未到账, 拒绝退, 七天无理由, refund, return, money back",
        [ProblemSubType.Exchange] = "换货, 调换, 更换, 换新, 换一个, exchange, replacement, replace",
        [ProblemSubType.ShippingFeeDispute] = "运费, 邮费, 快递费, 运费险, 退货运费, shipping fee, shipping cost, postage, delivery charge, delivery fee",
        [ProblemSubType.Renewal] = "续费, 自动续费, 自动续订, 续订, 到期扣款, renewal, renew, auto-renew, subscription",
        [ProblemSubType.FeeRefund] = "会员费, 服务费, 年费, 退费, 手续费, 多扣费, membership fee, service fee, annual fee, fee refund, overcharged",
    };

    public static readonly IReadOnlyList<(string Keyword, RiskLevel Level, HighRiskTriggers Trigger)> RiskKeywords =
    [
        ("央视", RiskLevel.Critical, HighRiskTriggers.NationalMediaExposure),
        ("CCTV", RiskLevel.Critical, HighRiskTriggers.NationalMediaExposure),
        ("媒体", RiskLevel.High, HighRiskTriggers.NationalMediaExposure),
        ("记者", RiskLevel.High, HighRiskTriggers.NationalMediaExposure),
        ("曝光", RiskLevel.High, HighRiskTriggers.NationalMediaExposure),
        ("journalist", RiskLevel.High, HighRiskTriggers.NationalMediaExposure),
        ("reporter", RiskLevel.High, HighRiskTriggers.NationalMediaExposure),
        ("media", RiskLevel.High, HighRiskTriggers.NationalMediaExposure),
        ("expose", RiskLevel.High, HighRiskTriggers.NationalMediaExposure),
        ("12315", RiskLevel.High, HighRiskTriggers.GovernmentAttention),
        ("12345", RiskLevel.High, HighRiskTriggers.GovernmentAttention),
        ("市场监管", RiskLevel.High, HighRiskTriggers.GovernmentAttention),
        ("工商局", RiskLevel.High, HighRiskTriggers.GovernmentAttention),
        ("regulator", RiskLevel.High, HighRiskTriggers.GovernmentAttention),
        ("热搜", RiskLevel.High, HighRiskTriggers.MajorSocialImpact),
        ("集体投诉", RiskLevel.High, HighRiskTriggers.MajorSocialImpact),
        ("going viral", RiskLevel.High, HighRiskTriggers.MajorSocialImpact),
        ("自杀", RiskLevel.Critical, HighRiskTriggers.DangerToLifeOrProperty),
        ("跳楼", RiskLevel.Critical, HighRiskTriggers.DangerToLifeOrProperty),
        ("人身安全", RiskLevel.Critical, HighRiskTriggers.DangerToLifeOrProperty),
        ("起火", RiskLevel.Critical, HighRiskTriggers.DangerToLifeOrProperty),
        ("爆炸", RiskLevel.Critical, HighRiskTriggers.DangerToLifeOrProperty),
        ("受伤", RiskLevel.High, HighRiskTriggers.DangerToLifeOrProperty),
        ("suicide", RiskLevel.Critical, HighRiskTriggers.DangerToLifeOrProperty),
        ("kill myself", RiskLevel.Critical, HighRiskTriggers.DangerToLifeOrProperty),
        ("personal safety", RiskLevel.Critical, HighRiskTriggers.DangerToLifeOrProperty),
        ("injured", RiskLevel.High, HighRiskTriggers.DangerToLifeOrProperty),
        ("报警", RiskLevel.High, HighRiskTriggers.None),
        ("police", RiskLevel.High, HighRiskTriggers.None),
        ("起诉", RiskLevel.Medium, HighRiskTriggers.None),
        ("律师", RiskLevel.Medium, HighRiskTriggers.None),
        ("法院", RiskLevel.Medium, HighRiskTriggers.None),
        ("lawsuit", RiskLevel.Medium, HighRiskTriggers.None),
        ("lawyer", RiskLevel.Medium, HighRiskTriggers.None),
        ("legal action", RiskLevel.Medium, HighRiskTriggers.None),
    ];

    /// <summary>Adds the starting rules to each rule table that is empty.</summary>
    public static async Task EnsureRulesAsync(IDbContextFactory<ComplaintOpsDb> dbFactory, DateTime nowUtc, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.ClassificationRules.AnyAsync(ct))
        {
            db.ClassificationRules.AddRange(ClassificationKeywords.Select(k => new ClassificationRule
            {
                SubType = k.Key, Keywords = k.Value, Weight = 1, UpdatedBy = "system", UpdatedAtUtc = nowUtc,
            }));
        }
        if (!await db.RiskRules.AnyAsync(ct))
        {
            db.RiskRules.AddRange(RiskKeywords.Select(k => new RiskRule
            {
                Keyword = k.Keyword, Level = k.Level, Trigger = k.Trigger, UpdatedBy = "system", UpdatedAtUtc = nowUtc,
            }));
        }
        await db.SaveChangesAsync(ct);
    }
}
