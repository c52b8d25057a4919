using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LifePos.Domain;
using LifePos.Shell.Cmdlets;

namespace LifePos.Shell.Binding
{
    /// <summary>
    /// The one place where a workplace row's parameters become one typed <see cref="WorkplaceChanges"/>: -Name,
    /// -WorkplaceType, -Meta, -MetaData and -Extension, and Set's -RemoveExtension and -Clear. New-, Set- and
    /// Sync-LifePosWorkplace all read their rows here. An empty cell means "not given"; hashtables, objects and JSON
    /// text become plain values; a value that cannot be read is an <see cref="InvalidInputException"/> that names it.
    /// </summary>
    internal sealed class WorkplaceRowReader
    {
        private const string WorkplaceTypeParameter = "WorkplaceType";

        private readonly string? _name;
        private readonly string? _workplaceType;
        private readonly object? _extension;
        private readonly string? _meta;
        private readonly object? _metaData;
        private readonly string[]? _removeExtension;
        private readonly string[]? _clear;

        public WorkplaceRowReader(
            string? name, string? workplaceType, object? extension, string? meta, object? metaData, string[]? removeExtension = null, string[]? clear = null)
        {
            _name = name;
            _workplaceType = workplaceType;
            _extension = extension;
            _meta = meta;
            _metaData = metaData;
            _removeExtension = removeExtension;
            _clear = clear;
        }

        /// <summary>The row of New- or Sync-LifePosWorkplace, as bound for the record being processed.</summary>
        public static WorkplaceRowReader Of(WorkplaceRowCmdlet row) => new WorkplaceRowReader(row.Name, row.WorkplaceType, row.Extension, row.Meta, row.MetaData);

        /// <summary>The row's name, trimmed; null when its cell is empty. New and Sync key and create by it.</summary>
        public string? Name => RowValidation.Given(_name)?.Trim();

        /// <summary>
        /// Every value the row gives, the first that cannot be read refused. The name is trimmed unless
        /// <paramref name="exactName"/>: Set takes it as given, so a piped workplace's own name (spaces and all) is no change.
        /// </summary>
        public WorkplaceChanges Read(bool exactName = false) => new WorkplaceChanges
        {
            Name = exactName ? RowValidation.Given(_name) : Name,
            WorkplaceType = Type(required: false),
            Meta = RowValidation.Given(_meta),
            MetaDataGiven = MetaData(out var metaData),
            MetaData = metaData,
            Extensions = Extensions(),
            RemoveExtensions = _removeExtension ?? Array.Empty<string>(),
            Clear = FieldList(_clear),
        };

        /// <summary>A new workplace's values, checked in the order New reports them: the type it needs, the lengths, the rest.</summary>
        public WorkplaceChanges ReadNew()
        {
            var type = Type(required: true);
            var name = Name;
            RowValidation.CheckLength(name, RowValidation.MaxNameLength, "the name");
            var meta = RowValidation.Given(_meta);
            RowValidation.CheckLength(meta, RowValidation.MaxMetaLength, "-Meta");
            var extensions = Extensions();
            return new WorkplaceChanges
            {
                Name = name,
                WorkplaceType = type,
                Meta = meta,
                Extensions = extensions,
                MetaDataGiven = MetaData(out var metaData),
                MetaData = metaData,
            };
        }

        /// <summary>What the row asks for as far as its values can be read, for -SkipExisting's warning: the rest is not compared.</summary>
        public WorkplaceChanges ReadWhatCanBeRead()
        {
            static T? Readable<T>(Func<T> read)
            {
                try
                {
                    return read();
                }
                catch (InvalidInputException)
                {
                    return default;
                }
            }

            object? metaData = null;
            return new WorkplaceChanges
            {
                Meta = RowValidation.Given(_meta),
                WorkplaceType = Readable(() => Type(required: false)),
                Extensions = Readable(Extensions),
                MetaDataGiven = Readable(() => MetaData(out metaData)),
                MetaData = metaData,
            };
        }

        /// <summary>When a row gives no type, the columns it has (usually a misnamed header), to append to its error.</summary>
        public string ColumnsNote(object? pipelineRow)
        {
            if (RowValidation.Given(_workplaceType) != null || !(pipelineRow is PSObject row) || row.BaseObject is Workplace)
            {
                return string.Empty;
            }

            var columns = row.Properties.Select(property => property.Name).ToList();
            return columns.Count == 0 ? string.Empty : " The row's columns are: " + string.Join(", ", columns) + ".";
        }

        /// <summary>A type by name or number; an empty cell is no type, which only a row that creates may not have.</summary>
        private WorkplaceType? Type(bool required) =>
            required || RowValidation.Given(_workplaceType) != null ? RowValidation.ParseWorkplaceType(_workplaceType, WorkplaceTypeParameter) : null;

        /// <summary>The extensions given, keyed by name; null when the cell is empty.</summary>
        private IDictionary<string, object?>? Extensions() =>
            PlainValueConverter.IsNotGiven(_extension) ? null : PlainValueConverter.ToExtensions(_extension, "Extension");

        /// <summary>False when the cell is empty; otherwise the meta data as plain values (plain text stays text).</summary>
        private bool MetaData(out object? metaData)
        {
            var given = !PlainValueConverter.IsNotGiven(_metaData);
            metaData = given ? PlainValueConverter.FromUserValue(_metaData, "MetaData", allowPlainText: true) : null;
            return given;
        }

        /// <summary>Field names given as an array or as one cell listing them ("Meta;MetaData" or "Meta, MetaData").</summary>
        private static IReadOnlyCollection<string> FieldList(string[]? given) =>
            (given ?? Array.Empty<string>())
                .SelectMany(item => (item ?? string.Empty).Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
                .Select(name => name.Trim())
                .Where(name => name.Length > 0)
                .ToArray();
    }
}
