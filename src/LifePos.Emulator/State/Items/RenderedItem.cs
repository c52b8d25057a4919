using System;
using System.Text.Json;

namespace LifePos.Emulator.State.Items;

/// <summary>
/// An item whose JSON is rendered once in the default answer style, so a list page copies bytes instead of
/// serializing; other styles (dates, numbers, enums) render it again.
/// </summary>
internal abstract class RenderedItem
{
    protected RenderedItem(byte[] json) => Json = json;

    /// <summary>The JSON in the default answer style.</summary>
    public byte[] Json { get; }

    public abstract void WriteTo(Utf8JsonWriter writer, AnswerStyle style);

    /// <summary>The JSON in the given style: the pre-rendered bytes when they look the same.</summary>
    public ReadOnlyMemory<byte> Render(AnswerStyle style) => style.ItemsPreRendered ? Json : Answers.Json.Write(w => WriteTo(w, style));

    public void WriteTo(Utf8JsonWriter writer, AnswerStyle style, bool preRendered)
    {
        if (preRendered) writer.WriteRawValue(Json, skipInputValidation: true);
        else WriteTo(writer, style);
    }
}
