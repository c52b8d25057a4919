using System.Collections.Generic;

namespace LifePos
{
    /// <summary>The fields a change sets; as text, <c>Name: 'Касса 1' → 'Касса 2'; Meta: (none) → 'moscow'</c> (one CSV cell).</summary>
    public sealed class FieldChangeList : List<FieldChange>
    {
        public override string ToString() => Domain.ChangeText.Describe(this);
    }
}
