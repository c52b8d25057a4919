using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using LifePos.Core;

namespace LifePos.Commands
{
    /// <summary>
    /// Reads, for Set-LifePosWorkplace, the workplaces its rows change, as they are now on the service (a piped object
    /// may be stale, so it never decides what is sent). The service limits requests per second, so a bulk run should
    /// cost its pages plus its writes: rows wait here (in input order) until more than a page's worth have come, then one
    /// listing of every workplace serves them all; a run that ends with fewer reads each of its workplaces by id.
    /// At ThrottleLimit 1 no row waits (each row's result is written before the next is read): the first page's worth
    /// read by id, and one listing, taken then, serves the rows after them.
    /// </summary>
    internal sealed class WorkplaceReads
    {
        /// <summary>A listing page holds up to 100 workplaces: more rows than that cost fewer requests as a listing.</summary>
        public const int PageWorth = ListQuery.MaxPageSize;

        private readonly LifePosClient _client;
        private readonly Guid _organization;
        private readonly RequestContext _context;
        private readonly List<Action> _waiting = new List<Action>();
        private int _rowReads;
        private Task<Dictionary<Guid, Workplace>>? _listing;
        private readonly bool _oneAtATime;
        private bool _decided;

        /// <param name="decided">True when rows read one by one anyway (-WhatIf and -Confirm read each to show it): nothing waits.</param>
        /// <param name="oneAtATime">True at ThrottleLimit 1: nothing waits, and a listing serves the rows after the first page's worth.</param>
        public WorkplaceReads(LifePosClient client, Guid organization, RequestContext context, bool decided, bool oneAtATime)
        {
            _decided = decided;
            _oneAtATime = oneAtATime && !decided;
            _client = client;
            _organization = organization;
            _context = context;
        }

        /// <summary>
        /// Runs <paramref name="submit"/> now once the way of reading is decided, else keeps it, in order, until it is.
        /// A submission that reads (<paramref name="reads"/>) counts towards a page's worth.
        /// </summary>
        public void Submit(Action submit, bool reads)
        {
            if (_oneAtATime)
            {
                if (reads && ++_rowReads > PageWorth && _listing is null)
                {
                    _listing = Task.Run(ListAll);
                }

                submit();
                return;
            }

            if (_decided)
            {
                submit();
                return;
            }

            _waiting.Add(submit);
            if (reads && ++_rowReads > PageWorth)
            {
                _listing = Task.Run(ListAll);
                Release();
            }
        }

        /// <summary>The input ended: what still waits reads by id.</summary>
        public void Finish() => Release();

        /// <summary>The workplace as the service has it now, with every field (a compact listed item is read again by id).</summary>
        public async Task<Workplace> ReadAsync(Guid id, RequestContext context)
        {
            if (_listing != null)
            {
                try
                {
                    var listed = await _listing.ConfigureAwait(false);
                    if (listed.TryGetValue(id, out var workplace) && !workplace.FieldsUnknown)
                    {
                        return workplace;
                    }
                }
                catch (LifePosApiException)
                {
                    // The listing failed: each row reads its own workplace, and reports its own failure.
                }
            }

            return await _client.GetWorkplaceAsync(_organization, id, context).ConfigureAwait(false);
        }

        private void Release()
        {
            _decided = true;
            var waiting = _waiting.ToArray();
            _waiting.Clear();
            foreach (var submit in waiting)
            {
                submit();
            }
        }

        private Dictionary<Guid, Workplace> ListAll()
        {
            var workplaces = new Dictionary<Guid, Workplace>();
            var query = new WorkplaceListQuery { Selection = WorkplaceSelection.All, PageSize = PageWorth };
            foreach (var workplace in _client.ListWorkplaces(_organization, query, _context))
            {
                workplaces[workplace.Id] = workplace;
            }

            return workplaces;
        }
    }
}
