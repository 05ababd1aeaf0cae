using DsLoop.Content.Loops;
using Xunit;

namespace DsLoop.Content.Tests.Loops;

/// <summary>The loader refuses a template whose slot the fit rules (round, framework, reverse questions) leave short.</summary>
public sealed class SlotFitValidationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("dsloop-slotfit-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Framework(string id, string rounds) => $"""
        id: {id}
        name: {id}
        rounds: [{rounds}]
        summary: A framework.
        steps:
          - id: one
            name: One
            description: First.
            cues: ["at the time"]
          - id: two
            name: Two
            description: Second.
            cues: ["as a result"]
        """;

    private static string Item(string id, string round, string dimension, string framework) => $"""
        ---
        id: {id}
        title: Title of {id}
        rounds: [{round}]
        dimensions: [{dimension}]
        level: both
        variants: [any]
        framework: {framework}
        ---
        ## Prompt
        Tell me.

        ## Why they ask
        Because.

        ## Model answer
        At the time I did it; as a result it worked.

        ## Weak answer
        It worked.

        ## Common mistakes
        - Being vague.

        ## Follow-ups
        - One?
          - The first expected point of the probe
          - The second expected point of the probe
        - Two?
          - The first expected point of the probe
          - The second expected point of the probe
        """;

    private static string Loop(string round, string slotExtra = "", int count = 1) => $"""
        id: fit-loop
        name: Fit loop
        level: ds
        variant: consumer
        summary: One round.
        rounds:
          - id: only
            title: Only
            round: {round}
            minutes: 30
            slots:
              - kind: open
                count: {count}{slotExtra}
        """;

    private ContentLoadResult Load(string loop)
    {
        LoopTemplateLoadingTests.Write(_root, "frameworks/pay.yaml", Framework("pay", "recruiter-screen"));
        LoopTemplateLoadingTests.Write(_root, "frameworks/star.yaml", Framework("star", "behavioral, recruiter-screen"));
        LoopTemplateLoadingTests.Write(_root, "frameworks/reverse-question.yaml", Framework("reverse-question", "recruiter-screen, modeling-ml-design, behavioral"));
        LoopTemplateLoadingTests.Write(_root, "frameworks/design.yaml", Framework("design", "modeling-ml-design"));
        LoopTemplateLoadingTests.Write(_root, "questions/pay.md", Item("pay-question", "recruiter-screen", "communication", "pay"));
        LoopTemplateLoadingTests.Write(_root, "questions/story.md", Item("story", "behavioral", "communication", "star"));
        // Asked in the ML round and by the hiring manager, but its framework is built for the hiring manager's talk only.
        LoopTemplateLoadingTests.Write(_root, "frameworks/talk.yaml", Framework("talk", "hiring-manager"));
        LoopTemplateLoadingTests.Write(_root, "questions/misfiled.md", Item("misfiled", "modeling-ml-design, hiring-manager", "modeling-evaluation", "talk"));
        LoopTemplateLoadingTests.Write(_root, "questions/design.md", Item("design-question", "modeling-ml-design", "modeling-evaluation", "design"));
        // Asked in the ML round, on a dimension the round does not test.
        LoopTemplateLoadingTests.Write(_root, "questions/chat.md", Item("chat", "modeling-ml-design", "communication", "design"));
        LoopTemplateLoadingTests.Write(_root, "questions/reverse-questions/ask.md", Item("ask-engineer", "modeling-ml-design", "communication", "reverse-question"));
        LoopTemplateLoadingTests.Write(_root, "loops/fit-loop.yaml", loop);
        return ContentLoader.Load(_root);
    }

    private static void AssertError(ContentLoadResult result, params string[] fragments)
    {
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.ToString().StartsWith("loops/fit-loop.yaml:", StringComparison.Ordinal)
            && fragments.All(f => e.Message.Contains(f, StringComparison.Ordinal)));
    }

    [Fact]
    public void An_ml_design_slot_draws_only_modeling_items_built_for_the_round()
    {
        var result = Load(Loop("modeling-ml-design"));
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var bank = result.Bank!;
        var loop = Assert.Single(bank.Loops);
        var fitting = loop.BankItemsFor(loop.Rounds[0], loop.Rounds[0].Slots[0], bank.Items, bank.Frameworks).Select(i => i.Id);
        Assert.Equal(["design-question"], fitting);
    }

    [Fact]
    public void A_slot_the_rules_leave_short_is_an_error_naming_the_template_the_slot_and_each_rule()
    {
        var result = Load(Loop("modeling-ml-design", count: 2));
        AssertError(result, "slot 1 ('open') of round 'only' in loop 'fit-loop'", "asks for 2 items but only 1 fit",
            SlotFit.Describe(SlotFitRule.FrameworkRound), SlotFit.Describe(SlotFitRule.RoundDimensions), SlotFit.Describe(SlotFitRule.ReverseQuestion));
    }

    [Fact]
    public void Only_a_reverse_question_slot_draws_reverse_questions()
    {
        var result = Load(Loop("modeling-ml-design", "\n        frameworks: [reverse-question]"));
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var bank = result.Bank!;
        var loop = Assert.Single(bank.Loops);
        var slot = loop.Rounds[0].Slots[0];
        Assert.True(slot.AsksForReverseQuestions);
        Assert.Equal(["ask-engineer"], loop.BankItemsFor(loop.Rounds[0], slot, bank.Items, bank.Frameworks).Select(i => i.Id));
        Assert.Equal(["ask-engineer"], LoopPlanner.Plan(loop, bank, 1).ItemIds);
    }

    [Fact]
    public void A_slot_naming_an_unknown_framework_or_one_not_built_for_its_round_is_an_error()
    {
        AssertError(Load(Loop("behavioral", "\n        frameworks: [nonsense]")), "slot 1 ('open') of round 'only' in loop 'fit-loop'", "unknown framework 'nonsense'");
        AssertError(Load(Loop("behavioral", "\n        frameworks: [design]")), "names the framework 'design'", SlotFit.Describe(SlotFitRule.FrameworkRound));
    }

    [Fact]
    public void A_recruiter_screen_slot_draws_recruiter_items_whose_framework_is_built_for_it()
    {
        var result = Load(Loop("recruiter-screen"));
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var bank = result.Bank!;
        var loop = Assert.Single(bank.Loops);
        Assert.Equal(["pay-question"], loop.BankItemsFor(loop.Rounds[0], loop.Rounds[0].Slots[0], bank.Items, bank.Frameworks).Select(i => i.Id));
    }

    [Fact]
    public void An_item_asked_in_no_round_its_framework_is_built_for_is_refused()
    {
        LoopTemplateLoadingTests.Write(_root, "questions/stray.md", Item("stray", "behavioral", "communication", "design"));
        var result = Load(Loop("behavioral"));
        Assert.Contains(result.Errors, e => e.ToString().StartsWith("questions/stray.md:", StringComparison.Ordinal)
            && e.Message.Contains("framework 'design' is built for modeling-ml-design only", StringComparison.Ordinal));
    }

    [Fact]
    public void A_framework_naming_an_unknown_round_is_refused()
    {
        LoopTemplateLoadingTests.Write(_root, "frameworks/odd.yaml", Framework("odd", "coffee-chat"));
        var result = Load(Loop("behavioral"));
        Assert.Contains(result.Errors, e => e.ToString().StartsWith("frameworks/odd.yaml:", StringComparison.Ordinal) && e.Message.Contains("unknown round 'coffee-chat'", StringComparison.Ordinal));
    }
}
