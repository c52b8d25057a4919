using System.Collections.Generic;
using System.Globalization;

namespace LifePos.Shell.Runs
{
    /// <summary>The counts of a bulk run and its one summary line, e.g. <c>6 rows: 5 created, 1 failed, 2 retries</c>.</summary>
    internal sealed class RunSummary
    {
        private readonly Dictionary<string, int> _counts = new Dictionary<string, int>(System.StringComparer.Ordinal);
        private readonly List<string> _labels = new List<string>();

        private readonly HashSet<string> _whenUsed = new HashSet<string>(System.StringComparer.Ordinal);

        /// <param name="labels">
        /// The labels in their order, shown even at zero; one ending in '?' (<c>restored?</c>) keeps its place but shows
        /// only once used. A label not given is added at the end when first used.
        /// </param>
        public RunSummary(params string[] labels)
        {
            foreach (var label in labels)
            {
                var optional = label.EndsWith("?", System.StringComparison.Ordinal);
                var name = optional ? label.Substring(0, label.Length - 1) : label;
                if (optional)
                {
                    _whenUsed.Add(name);
                }

                Count(name, 0);
            }
        }

        /// <summary>Rows read from the pipeline.</summary>
        public int Rows { get; private set; }

        /// <summary>Rows whose result was written (done or failed).</summary>
        public int Finished { get; private set; }

        public int Failed { get; private set; }

        public int Declined { get; private set; }

        public void RowRead() => Rows++;

        public void RowDeclined()
        {
            Rows++;
            Declined++;
        }

        public void RowDone(string label)
        {
            Finished++;
            Count(label, 1);
        }

        public void RowFailed()
        {
            Finished++;
            Failed++;
        }

        public string Text(long retries)
        {
            var parts = new List<string>();
            foreach (var label in _labels)
            {
                if (_counts[label] == 0 && _whenUsed.Contains(label))
                {
                    continue;
                }

                parts.Add(_counts[label].ToString(CultureInfo.InvariantCulture) + " " + label);
            }

            if (Declined > 0)
            {
                parts.Add(Declined.ToString(CultureInfo.InvariantCulture) + " not confirmed");
            }

            parts.Add(Failed.ToString(CultureInfo.InvariantCulture) + " failed");
            parts.Add(retries.ToString(CultureInfo.InvariantCulture) + (retries == 1 ? " retry" : " retries"));
            return Rows.ToString(CultureInfo.InvariantCulture) + (Rows == 1 ? " row: " : " rows: ") + string.Join(", ", parts);
        }

        private void Count(string label, int add)
        {
            if (!_counts.ContainsKey(label))
            {
                _counts[label] = 0;
                _labels.Add(label);
            }

            _counts[label] += add;
        }
    }
}
