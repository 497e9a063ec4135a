using ComplaintOps.Domain.Privacy;

namespace ComplaintOps.Tests.Domain;

/// <summary>R29: personal data is shown masked.</summary>
public sealed class MaskTests
{
    [Theory]
    [InlineData("13812341234", "138****1234")]
    [InlineData(" 13812341234 ", "138****1234")]
    [InlineData("19987650000", "199****0000")]
    [InlineData("02188881234", "021****1234")]
    [InlineData("88881234", "****1234")]
    [InlineData("1234", "****")]
    [InlineData("12", "**")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("   ", "")]
    public void R29_phone_keeps_only_the_first_three_and_last_four_digits(string? phone, string expected)
    {
        Assert.Equal(expected, Mask.Phone(phone));
    }

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("张三丰", "张**")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("张", "张*")]
    [InlineData(" 李四 ", "李*")]
    [InlineData("𠮷野家", "𠮷**")] // a character outside the BMP is one letter, not two halves
    [InlineData("Alice Smith", "A**********")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("   ", "")]
    public void R29_name_keeps_only_the_first_character(string? name, string expected)
    {
        Assert.Equal(expected, Mask.Name(name));
    }

    [Theory]
    [InlineData("110101199003071234", "110***********1234")]
    [InlineData("11010119900307123X", "110***********123X")]
    [InlineData("G12345678", "G12**5678")]
    [InlineData("1234567", "*******")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void R29_id_number_keeps_only_the_first_three_and_last_four_characters(string? id, string expected)
    {
        Assert.Equal(expected, Mask.IdNumber(id));
    }

    [Theory]
    [InlineData("zhang.san@example.com", "z***@example.com")]
    [InlineData("a@b.cn", "a***@b.cn")]
    [InlineData("@example.com", "************")]
    [InlineData("not-an-email", "************")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void R29_email_keeps_the_first_letter_and_the_domain(string? email, string expected)
    {
        Assert.Equal(expected, Mask.Email(email));
    }

    [Fact]
    public void R29_masked_values_do_not_contain_the_hidden_part()
    {
        Assert.DoesNotContain("1234", Mask.Phone("13812345678"), StringComparison.Ordinal);
        Assert.DoesNotContain("19900307", Mask.IdNumber("110101199003071234"), StringComparison.Ordinal);
        Assert.DoesNotContain("hang.san", Mask.Email("zhang.san@example.com"), StringComparison.Ordinal);
        Assert.DoesNotContain("三", Mask.Name("张三"), StringComparison.Ordinal);
    }
}
