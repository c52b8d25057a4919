namespace LifePos
{
    /// <summary>One field a change sets, with the value before (when known) and after.</summary>
    public sealed class FieldChange
    {
        public FieldChange(string field, object? oldValue, object? newValue)
        {
            Field = field;
            OldValue = oldValue;
            NewValue = newValue;
        }

        /// <summary>E.g. <c>Name</c>, <c>Meta</c> or <c>Extensions.smart_pos</c>.</summary>
        public string Field { get; }

        public object? OldValue { get; }

        public object? NewValue { get; }

        public override string ToString() => Domain.ChangeText.Describe(this);
    }
}
