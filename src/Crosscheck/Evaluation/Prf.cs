namespace Crosscheck.Evaluation;

/// <summary>True-positive, false-positive and false-negative counts with precision, recall and F1.</summary>
public readonly record struct Prf(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static Prf operator +(Prf a, Prf b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);

    /// <summary>Metrics named "{prefix}.precision", "{prefix}.recall", "{prefix}.f1".</summary>
    public IEnumerable<Metric> ToMetrics(string prefix) =>
    [
        new($"{prefix}.precision", Precision, TruePositives + FalseNegatives),
        new($"{prefix}.recall", Recall, TruePositives + FalseNegatives),
        new($"{prefix}.f1", F1, TruePositives + FalseNegatives),
    ];
}
