using DsLoop.Cli;

return await DsLoopCli.RunAsync(args, Console.Out, Console.Error);
