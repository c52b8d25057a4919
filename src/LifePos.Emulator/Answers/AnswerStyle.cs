using System;
using System.Linq;

namespace LifePos.Emulator.Answers;

/// <summary>
/// How the API answers where the reference does not pin it down (--answers, PUT /_emulator/answers). Each choice has
/// values; the first is the default. Immutable: a change makes a new style, read once per request.
/// </summary>
internal sealed class AnswerStyle
{
    /// <summary>The choices in their order, each with its values in the order of its enum.</summary>
    private static readonly (string Name, string[] Values)[] Choices =
    [
        ("actions", ["workplace", "empty200", "empty204", "empty-object"]),
        ("activation", ["token", "no-token"]),
        ("errors", ["code-message", "code-description", "problem", "text", "html"]),
        ("items", ["array", "null-on-empty", "missing-on-empty"]),
        ("end-token", ["empty", "null", "missing"]),
        ("page-fields", ["present", "missing"]),
        ("auth", ["any", "bearer", "raw"]),
        ("dates", ["ms", "seconds", "ticks", "zulu"]),
        ("numbers", ["number", "string"]),
        ("enums", ["canonical", "lower"]),
        ("request-id", ["header", "traceparent", "none"]),
        ("presentation", ["full-by-default", "compact-by-default", "compact-lists"]),
        ("extensions", ["all", "declared-only"]),
    ];

    public static readonly AnswerStyle Default = new(new byte[Choices.Length]);

    private readonly byte[] _values;

    private AnswerStyle(byte[] values)
    {
        _values = values;
        ItemsPreRendered = Dates == DateFormat.Ms && Numbers == NumberFormat.Number && Enums == EnumCase.Canonical;
    }

    public ActionAnswer Actions => (ActionAnswer)_values[0];
    public ActivationAnswer Activation => (ActivationAnswer)_values[1];
    public ErrorShape Errors => (ErrorShape)_values[2];
    public EmptyItems Items => (EmptyItems)_values[3];
    public EndToken EndToken => (EndToken)_values[4];
    public PageFields PageFields => (PageFields)_values[5];
    public AuthForms Auth => (AuthForms)_values[6];
    public DateFormat Dates => (DateFormat)_values[7];
    public NumberFormat Numbers => (NumberFormat)_values[8];
    public EnumCase Enums => (EnumCase)_values[9];
    public RequestIdHeader RequestId => (RequestIdHeader)_values[10];
    public PresentationDefault Presentation => (PresentationDefault)_values[11];
    public ExtensionAnswer Extensions => (ExtensionAnswer)_values[12];

    /// <summary>True when items look as pre-rendered (default dates, numbers and enums): lists copy their bytes.</summary>
    public bool ItemsPreRendered { get; }

    /// <summary>This style with the given "choice=value,..." applied; throws <see cref="ArgumentException"/> naming a bad part.</summary>
    public AnswerStyle With(string text)
    {
        var values = (byte[])_values.Clone();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals].Trim();
            var choice = Array.FindIndex(Choices, c => c.Name == name);
            if (equals <= 0 || choice < 0)
                throw new ArgumentException($"'{part}' is not choice=value; choices: {string.Join(", ", Choices.Select(c => c.Name))}.");
            var value = Array.IndexOf(Choices[choice].Values, part[(equals + 1)..].Trim());
            if (value < 0)
                throw new ArgumentException($"'{part}': {name} is one of {string.Join(", ", Choices[choice].Values)}.");
            values[choice] = (byte)value;
        }
        return new AnswerStyle(values);
    }

    /// <summary>Every choice with its value: "actions=workplace,activation=token,...".</summary>
    public override string ToString() => string.Join(",", Pairs().Select(p => $"{p.Name}={p.Value}"));

    /// <summary>The choices and their values, in order.</summary>
    public (string Name, string Value)[] Pairs() => Choices.Select((c, i) => (c.Name, c.Values[_values[i]])).ToArray();
}
