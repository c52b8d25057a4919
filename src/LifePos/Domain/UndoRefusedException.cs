using System;

namespace LifePos.Domain
{
    /// <summary>An entry Undo-LifePosChange does not undo: <c>LifePos.UndoConflict</c> or <c>LifePos.CannotUndo</c>, and why.</summary>
    internal sealed class UndoRefusedException : Exception
    {
        public const string Conflict = "UndoConflict";
        public const string Cannot = "CannotUndo";

        public UndoRefusedException(string code, string message)
            : base(message)
        {
            Code = code;
        }

        public string Code { get; }
    }
}
