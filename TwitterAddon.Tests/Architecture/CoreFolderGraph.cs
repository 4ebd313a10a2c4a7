using Mono.Cecil;
using Mono.Cecil.Cil;
using TwitterAddon.Core;

namespace TwitterAddon.Tests.Architecture;

/// <summary>
/// Which Core feature folder uses which, read from the compiled assembly: every type a folder's code names in a
/// signature, a field, an attribute or a method body (calls, fields, locals, casts) counts, so a dependency
/// hidden inside a method cannot slip by. A folder is the namespace part after <c>TwitterAddon.Core.</c>.
/// </summary>
internal static class CoreFolderGraph
{
    private const string Root = "TwitterAddon.Core.";

    /// <summary>Each edge (from, to) with one type of <c>from</c> that makes it, for the failure message.</summary>
    public static IReadOnlyDictionary<(string From, string To), string> Read()
    {
        using var module = ModuleDefinition.ReadModule(typeof(CoreServiceRegistration).Assembly.Location);
        var edges = new Dictionary<(string, string), string>();
        foreach (var type in module.GetTypes())
        {
            if (FolderOf(type) is not { } from)
            {
                continue;
            }

            foreach (var used in UsedBy(type))
            {
                if (FolderOf(used) is { } to && to != from)
                {
                    edges.TryAdd((from, to), $"{type.FullName} uses {used.FullName}");
                }
            }
        }

        return edges;
    }

    public static IReadOnlySet<string> Folders()
    {
        using var module = ModuleDefinition.ReadModule(typeof(CoreServiceRegistration).Assembly.Location);
        return module.GetTypes().Select(FolderOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
    }

    private static string? FolderOf(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.Namespace.StartsWith(Root, StringComparison.Ordinal) ? type.Namespace[Root.Length..].Split('.')[0] : null;
    }

    private static IEnumerable<TypeReference> UsedBy(TypeDefinition type)
    {
        var named = new List<TypeReference?> { type.BaseType };
        named.AddRange(type.Interfaces.Select(i => i.InterfaceType));
        named.AddRange(type.Fields.Select(f => f.FieldType));
        named.AddRange(type.Properties.Select(p => p.PropertyType));
        named.AddRange(type.Events.Select(e => e.EventType));
        named.AddRange(Attributes(type.CustomAttributes));
        foreach (var method in type.Methods)
        {
            named.AddRange(Signature(method));
            named.AddRange(Attributes(method.CustomAttributes));
            if (method.HasBody)
            {
                named.AddRange(method.Body.Variables.Select(v => v.VariableType));
                named.AddRange(method.Body.Instructions.SelectMany(Operand));
            }
        }

        return named.OfType<TypeReference>().SelectMany(Expand);
    }

    private static IEnumerable<TypeReference> Attributes(IEnumerable<CustomAttribute> attributes) =>
        attributes.SelectMany(a => a.ConstructorArguments.Select(c => c.Type).Append(a.AttributeType));

    private static IEnumerable<TypeReference> Signature(MethodReference method) =>
        method.Parameters.Select(p => p.ParameterType).Append(method.ReturnType).Append(method.DeclaringType);

    private static IEnumerable<TypeReference> Operand(Instruction instruction) => instruction.Operand switch
    {
        TypeReference type => [type],
        GenericInstanceMethod generic => Signature(generic).Concat(generic.GenericArguments),
        MethodReference method => Signature(method),
        FieldReference field => [field.FieldType, field.DeclaringType],
        _ => [],
    };

    /// <summary>A generic, array or by-ref type uses its element type and type arguments too.</summary>
    private static IEnumerable<TypeReference> Expand(TypeReference type)
    {
        yield return type;
        if (type is TypeSpecification specification)
        {
            foreach (var inner in Expand(specification.ElementType))
            {
                yield return inner;
            }
        }

        if (type is GenericInstanceType generic)
        {
            foreach (var inner in generic.GenericArguments.SelectMany(Expand))
            {
                yield return inner;
            }
        }
    }
}
