namespace Crosscheck.Times;

/// <summary>What kind of time phrase the extractor found; the resolver turns each into a TIMEX3 value.</summary>
internal enum MentionKind
{
    /// <summary>Day, month and optional year ("December 14", "16 December 2024", "2024-12-16").</summary>
    Date,
    /// <summary>Month with optional year ("December 2024", "in August").</summary>
    Month,
    Year,
    /// <summary>"the 1990s": value is the first three digits; "the '80s" holds 80, its century taken from the reference.</summary>
    Decade,
    Season,
    Quarter,
    /// <summary>A weekday, optionally with a relative word ("last Saturday").</summary>
    Weekday,
    /// <summary>"last month", "this week", "next year": the reference's unit shifted by <see cref="TimeMention.Relative"/>.</summary>
    RelativeUnit,
    /// <summary>"today", "yesterday", "tomorrow".</summary>
    Deictic,
    /// <summary>"three days ago": the reference minus a duration, at the duration's granularity.</summary>
    Ago,
    Duration,
    /// <summary>PRESENT_REF, PAST_REF, FUTURE_REF.</summary>
    Reference,
    Set,
    /// <summary>A clock time or part of day, on a date given by the other fields or the reference.</summary>
    TimeOfDay,
    /// <summary>An ISO week of a year ("the first week of 2021", "week 31", "the last week of next year"): <see cref="TimeMention.Day"/> holds the week number, -1 for the last.</summary>
    WeekOfYear,
    /// <summary>A named holiday ("Thanksgiving", "Christmas Eve"); <see cref="TimeMention.Literal"/> holds its rule.</summary>
    Holiday,
}

/// <summary>A found time phrase before resolution: token range plus the parts the text gave. 0 means "not given".</summary>
internal struct TimeMention
{
    public int StartToken;
    public int EndToken;
    public MentionKind Kind;
    public int Year;
    public int Month;
    public int Day;
    public int Weekday;
    public int Quarter;
    public int Relative;
    public bool HasRelative;
    public int DayOffset;
    public bool HasDayOffset;
    /// <summary>Duration unit letter (Y M W D H N S Q E C WE).</summary>
    public string? Unit;
    /// <summary>How many units; NaN for an unspecified count ("several days" is PXD).</summary>
    public double Count;
    public string? Season;
    public string? PartOfDay;
    public string? Literal;
    public string? Modifier;
    public int Hour;
    public int Minute;
    /// <summary>Seconds of a clock time written with them ("7:56:30"); 0 otherwise.</summary>
    public int Second;
    public bool HasClock;
    /// <summary>The clock says which half of the day it is in ("7 a.m.", "noon", the 24-hour "08:00" or "20:00"), so no range end or part of day moves it.</summary>
    public bool HasMeridiem;
    /// <summary>"July last year", "December 14 this year": the year as an offset from the reference's.</summary>
    public int? YearOffset;
    /// <summary>"two weeks before Christmas", "3 days after January 12": the day is moved by <see cref="ShiftCount"/> of this unit (D, W, M, Y).</summary>
    public string? ShiftUnit;
    public int ShiftCount;
    /// <summary>"Monday and Tuesday next week": the weekday falls in the reference's ISO week shifted by this many weeks.</summary>
    public int? WeekOffset;
    /// <summary>"in the morning", "early evening": a part of a day the phrase does not name; the resolver leaves it "XXXX-XX-XXTMO" and the stage puts it on the day named just before, else the reference day.</summary>
    public bool DayUnknown;
    /// <summary>"after lunch on Friday": a part of a day on the day of the mention right after it, which the stage fills in.</summary>
    public bool DayFromNext;
    /// <summary>"that year", "later that day": the unit of the date the text named before; the stage resolves it, or leaves it out without one.</summary>
    public bool NamedBefore;

    public TimeMention(MentionKind kind, int start, int end) : this()
    {
        Kind = kind;
        StartToken = start;
        EndToken = end;
        Count = 1;
        Hour = -1;
    }
}
