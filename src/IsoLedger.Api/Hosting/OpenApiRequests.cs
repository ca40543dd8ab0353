using System.Globalization;
using System.Reflection;
using IsoLedger.Domain.Units;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IsoLedger.Api.Hosting;

/// <summary>Marks a request's field as a unit's code, or a list of codes: the document gives it
/// <see cref="UnitCode.Pattern"/>, which the endpoints check with <see cref="UnitCode.IsValid"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class UnitCodeAttribute : Attribute;

/// <summary>Describes a request's fields as the endpoints' <c>Validate</c> methods check them, so that a client built
/// from the document sends what is taken: a required field is never null (it answers "Required"), a unit's code
/// matches its pattern, and text and counts without a limit of their own (<c>[MaxLength]</c>, <c>[Range]</c>) take
/// <see cref="Validation.Text"/>'s and <see cref="Validation.Count"/>'s.</summary>
public static class OpenApiRequests
{
    public static Task Describe(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken _)
    {
        // A field of a request body (a response's schema has no parameter).
        if (context.ParameterDescription is null || context.JsonPropertyInfo is not { } property)
            return Task.CompletedTask;
        if (property.AssociatedParameter is { HasDefaultValue: false })
        {
            if (schema.Type is { } type) schema.Type = type & ~JsonSchemaType.Null;
            schema.Metadata?.Remove(OpenApi.NullableProperty);
        }
        var attributes = property.AttributeProvider as MemberInfo;
        if (attributes?.GetCustomAttribute<UnitCodeAttribute>() is not null)
        {
            var code = schema.Items as OpenApiSchema ?? schema;
            code.Pattern = UnitCode.Pattern;
            return Task.CompletedTask;
        }
        if (schema.Type?.HasFlag(JsonSchemaType.String) == true && schema is
            { MaxLength: null, Pattern: null, Format: null, Enum: null })
            schema.MaxLength = Validation.MaxText;
        if (schema.Type?.HasFlag(JsonSchemaType.Integer) == true && schema.Minimum is null)
        {
            schema.Minimum = "0";
            schema.Maximum = Validation.MaxCount.ToString(CultureInfo.InvariantCulture);
        }
        return Task.CompletedTask;
    }
}
