namespace Crosscheck.Cleaning;

/// <summary>The reasons cleaning gives in <see cref="RemovedPiece.Reason"/>; stable strings callers may match.</summary>
public static class DebrisReasons
{
    public const string ReadAloudNotice = "read-aloud notice";
    public const string PhotoCredit = "photo credit";
    public const string PhotoCaption = "photo caption";
    public const string RelatedLink = "related-story link";
    public const string Widget = "share/subscribe widget";
    public const string Advertisement = "advertisement";
    public const string ReportingCredit = "reporting credit";
    public const string DuplicateLine = "duplicate of an earlier line";
    public const string RepeatedLine = "repeated line (caption or headline debris)";
    public const string RepeatedWithLabel = "repeated line with a label or credit added";
    public const string UnrelatedHeadline = "unrelated headline";
    public const string Title = "title";
    public const string TitleRepeated = "title repeated in body";
    public const string AgencyPrefix = "agency prefix";
    public const string Dateline = "dateline";
    public const string Separator = "separator";
    public const string Byline = "byline";
    public const string Timestamp = "page timestamp";
}
