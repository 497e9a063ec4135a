namespace ComplaintOps.Domain.Complaints;

/// <summary>Problem types exactly as T/ISC 0014—2021 §8.2.1 lists them (R9).</summary>
public enum ProblemType
{
    Qualification = 0,
    Product = 1,
    IntellectualProperty = 2,
    ConsumerRights = 3,
    Operations = 4,
}

/// <summary>Sub-types, each belonging to one <see cref="ProblemType"/> (R9).</summary>
public enum ProblemSubType
{
    Licence = 0,
    Permit = 1,
    Account = 10,
    Malfunction = 11,
    PoorExperience = 12,
    PatentOrKnowledge = 20,
    Copyright = 21,
    Trademark = 22,
    ReturnOrRefund = 30,
    Exchange = 31,
    ShippingFeeDispute = 32,
    Renewal = 40,
    FeeRefund = 41,
}

public static class ProblemTaxonomy
{
    public static ProblemType TypeOf(ProblemSubType subType) => (ProblemType)((int)subType / 10);

    public static IReadOnlyList<ProblemSubType> SubTypesOf(ProblemType type) =>
        Enum.GetValues<ProblemSubType>().Where(s => TypeOf(s) == type).ToArray();

    public static bool Belongs(ProblemSubType subType, ProblemType type) => TypeOf(subType) == type;
}
