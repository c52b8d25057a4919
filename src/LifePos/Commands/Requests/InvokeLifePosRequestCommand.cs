using System;
using System.Collections;
using System.Management.Automation;
using System.Text.Json;
using LifePos.Core;
using LifePos.Core.Http;
using LifePos.Core.Json;
using LifePos.Core.Paging;
using LifePos.Domain;
using LifePos.Shell.Binding;
using LifePos.Shell.Cmdlets;

namespace LifePos.Commands
{
    /// <summary>
    /// Calls any LIFE POS API path with the connection's headers, authentication, retries and error handling, for
    /// what the other cmdlets do not cover. <c>{org}</c> in the path stands for the connection's organization.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "LifePosRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject))]
    public sealed class InvokeLifePosRequestCommand : LifePosApiCmdlet
    {
        [Parameter]
        [ValidateSet("GET", "POST", "PUT", "PATCH", "DELETE")]
        public string Method { get; set; } = "GET";

        /// <summary>Relative to the base address, e.g. /orgs or /orgs/{org}/workplaces.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Query parameters; array values repeat the parameter.</summary>
        [Parameter]
        public Hashtable? Query { get; set; }

        /// <summary>A hashtable, an object, or JSON text.</summary>
        [Parameter]
        public object? Body { get; set; }

        /// <summary>Follows next_page_token and emits the items of every page (GET lists only).</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        protected override void EndProcessing()
        {
            var method = Method.ToUpperInvariant();
            string pathAndQuery;
            string? json;
            try
            {
                pathAndQuery = RawRequestPath.Build(Path, ActiveConnection.OrganizationId, Query);
                json = PlainValueConverter.IsNotGiven(Body)
                    ? null
                    : PlainJson.Serialize(PlainValueConverter.FromUserValue(Body, nameof(Body), allowPlainText: false));
                if (All && method != "GET")
                {
                    throw new InvalidInputException("-All follows the pages of a list, so it works with -Method GET only.");
                }

                if (json != null && method == "GET")
                {
                    // .NET Framework refuses to send one (ProtocolViolationException), .NET sends it: refused on both alike.
                    throw new InvalidInputException(
                        "A GET request carries no body: put the values in -Query, or use -Method POST, PUT or PATCH with -Body.");
                }
            }
            catch (InvalidInputException exception)
            {
                ThrowTerminatingError(LifePosErrors.FromException(exception, Path));
                return;
            }

            if (method != "GET" && !Approves(pathAndQuery, method))
            {
                return;
            }

            try
            {
                if (All)
                {
                    WriteAllPages(pathAndQuery);
                    return;
                }

                var answer = Wait(Client.SendRawAsync(method, pathAndQuery, json, RequestContext));
                if (answer is JsonElement element)
                {
                    WriteObject(PlainValueConverter.ToPSValue(element), enumerateCollection: true);
                }
            }
            catch (LifePosApiException exception)
            {
                FlushMessages();
                WriteFailure(exception, pathAndQuery);
            }
        }

        private void WriteAllPages(string pathAndQuery)
        {
            using var items = Client.SendRawAllPages(pathAndQuery, RequestContext).GetEnumerator();
            while (true)
            {
                bool more;
                try
                {
                    more = items.MoveNext();
                }
                catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }

                FlushMessages();
                if (!more)
                {
                    return;
                }

                object? item;
                try
                {
                    item = PlainValueConverter.ToPSValue(items.Current);
                }
                catch (JsonException error)
                {
                    // This item alone: the others of the list are written.
                    var unreadable = UnreadableItem.Of(items.Current, "item", "GET", SecretRedactor.Redact(pathAndQuery), error);
                    WriteError(LifePosErrors.FromException(unreadable.Error, unreadable.Target));
                    continue;
                }

                WriteObject(item);
            }
        }
    }
}
