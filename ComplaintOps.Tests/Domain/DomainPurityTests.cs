using System.Reflection;
using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Tests.Support;

namespace ComplaintOps.Tests.Domain;

/// <summary>
/// The domain core (rules, calendar, SLA clock, masking) stays free of storage and UI frameworks, and takes
/// time as a parameter, so it can be tested and reused on its own.
/// </summary>
public sealed class DomainPurityTests
{
    private static readonly string[] ForbiddenAssemblyPrefixes = ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "MudBlazor"];

    private static readonly string[] ForbiddenSourceText =
    [
        "using Microsoft.EntityFrameworkCore",
        "using Microsoft.AspNetCore",
        "using MudBlazor",
        "DateTime.Now",
        "DateTime.UtcNow",
        "DateTimeOffset.Now",
        "DateTimeOffset.UtcNow",
    ];

    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static Type[] DomainTypes() =>
        typeof(Complaint).Assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && (ns == "ComplaintOps.Domain" || ns.StartsWith("ComplaintOps.Domain.", StringComparison.Ordinal)))
            .ToArray();

    [Fact]
    public void R28_domain_types_do_not_reference_ef_core_asp_net_core_or_mudblazor()
    {
        var types = DomainTypes();
        Assert.True(types.Length > 20, $"only {types.Length} domain types found; is the namespace filter right?");

        var offences = types.SelectMany(ForbiddenReferences).Distinct().ToArray();

        Assert.Empty(offences);
    }

    [Fact]
    public void R28_the_purity_check_does_catch_a_type_that_uses_ef_core()
    {
        // The store is outside the domain and is built on EF Core: the same check must flag it.
        var offences = ForbiddenReferences(typeof(ComplaintOpsDb)).ToArray();

        Assert.Contains(offences, o => o.Contains("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    [Fact]
    public void R28_domain_sources_have_no_framework_usings_and_never_read_the_clock()
    {
        var domainFolder = Path.Combine(RepoPaths.Root, "ComplaintOps", "Domain");
        var files = Directory.EnumerateFiles(domainFolder, "*.cs", SearchOption.AllDirectories).ToArray();
        Assert.True(files.Length >= 10, $"only {files.Length} source files under {domainFolder}");

        var offences =
            from file in files
            from line in File.ReadLines(file).Select((text, index) => (text, number: index + 1))
            from forbidden in ForbiddenSourceText
            where line.text.Contains(forbidden, StringComparison.Ordinal)
            select $"{Path.GetRelativePath(RepoPaths.Root, file)}:{line.number}: {forbidden}";

        Assert.Empty(offences);
    }

    private static IEnumerable<string> ForbiddenReferences(Type type)
    {
        foreach (var (where, referenced) in ReferencedTypes(type))
        {
            foreach (var inner in Expand(referenced))
            {
                var assembly = inner.Assembly.GetName().Name ?? "";
                if (ForbiddenAssemblyPrefixes.Any(p => assembly.StartsWith(p, StringComparison.Ordinal)))
                    yield return $"{type.FullName} {where} uses {inner.FullName} from {assembly}";
            }
        }
    }

    private static IEnumerable<(string Where, Type Type)> ReferencedTypes(Type type)
    {
        if (type.BaseType is { } baseType) yield return ("base type", baseType);
        foreach (var i in type.GetInterfaces()) yield return ("interface", i);
        foreach (var a in type.GetCustomAttributesData()) yield return ("attribute", a.AttributeType);

        foreach (var field in type.GetFields(Declared))
        {
            yield return ($"field {field.Name}", field.FieldType);
            foreach (var a in field.GetCustomAttributesData()) yield return ($"field {field.Name} attribute", a.AttributeType);
        }
        foreach (var property in type.GetProperties(Declared))
        {
            yield return ($"property {property.Name}", property.PropertyType);
            foreach (var a in property.GetCustomAttributesData()) yield return ($"property {property.Name} attribute", a.AttributeType);
        }
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo m) yield return ($"method {method.Name} return", m.ReturnType);
            foreach (var a in method.GetCustomAttributesData()) yield return ($"method {method.Name} attribute", a.AttributeType);
            foreach (var parameter in method.GetParameters())
            {
                yield return ($"method {method.Name} parameter {parameter.Name}", parameter.ParameterType);
                foreach (var a in parameter.GetCustomAttributesData()) yield return ($"method {method.Name} parameter attribute", a.AttributeType);
            }
        }
    }

    /// <summary>A type plus the types inside it: generic arguments, array/pointer/by-ref element types.</summary>
    private static IEnumerable<Type> Expand(Type type)
    {
        yield return type;
        if (type.HasElementType && type.GetElementType() is { } element)
        {
            foreach (var t in Expand(element)) yield return t;
        }
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                if (argument.IsGenericParameter) continue;
                foreach (var t in Expand(argument)) yield return t;
            }
        }
    }
}
