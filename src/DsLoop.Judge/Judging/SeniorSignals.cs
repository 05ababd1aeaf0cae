namespace DsLoop.Judge.Judging;

/// <summary>What a Senior Data Scientist adds on the same prompt: scope, influence, standards and growing others.</summary>
internal static class SeniorSignals
{
    public static readonly IReadOnlyList<JudgeTarget> Generic =
    [
        new("scope", "Scope beyond the ask",
        [
            "I'd look past this one test to how the whole team runs experiments like it.",
            "The same problem probably affects other surfaces, so I'd size it across the product.",
            "Beyond answering this question, I would ask what decision it feeds over the next two quarters.",
            "This is a symptom of a wider gap in how we define the metric, so I'd fix that too.",
        ], ["across teams", "across the org", "roadmap", "beyond this", "next quarter", "other teams"]),
        new("influence", "Influence on partners",
        [
            "I'd get the product and engineering leads to agree on the decision rule before launch.",
            "I would bring finance and marketing along early so they trust the number when it lands.",
            "When the director pushed back, I set up a review with the stakeholders and we agreed on the plan.",
            "I'd write a one-page proposal and walk the leadership team through the trade-off.",
        ], ["aligned", "align", "stakeholder", "leadership", "buy-in", "influence", "convinced"]),
        new("standards", "Standards the team can reuse",
        [
            "I'd turn this into a checklist the team applies to every launch.",
            "I would build the check into our shared experimentation platform so nobody has to remember it.",
            "I'd write down a standard definition and make it the single source of truth for every dashboard.",
            "After this I added an automated test so the same mistake cannot ship again.",
        ], ["template", "standard", "playbook", "checklist", "reusable", "best practice", "guideline"]),
        new("mentoring", "Growing others",
        [
            "I'd pair with a junior analyst on it and review their readout before it goes out.",
            "I coached the team on reading confidence intervals so they could make the call themselves.",
            "I would use it as a teaching case for the newer data scientists on the team.",
        ], ["mentor", "coach", "junior", "onboard", "teach", "pair with"]),
    ];
}
