using System;
using System.Threading.Tasks;
using LifePos.Emulator;

if (Array.Exists(args, a => a is "--help" or "-h" or "-?"))
{
    Console.WriteLine(EmulatorOptions.Usage);
    return 0;
}

EmulatorOptions options;
try
{
    options = EmulatorOptions.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync("LifePos.Emulator: " + e.Message);
    return 2;
}

EmulatorServer server;
try
{
    server = await EmulatorServer.StartAsync(options);
}
catch (Exception e) when (e is System.IO.IOException or System.IO.InvalidDataException or System.Text.Json.JsonException
                              or InvalidOperationException or UnauthorizedAccessException or FormatException or System.Collections.Generic.KeyNotFoundException)
{
    await Console.Error.WriteLineAsync("LifePos.Emulator: could not start: " + e.Message);
    return 1;
}

await using (server)
{
    foreach (var line in StartupText.Lines(server)) Console.WriteLine(line);
    Console.Out.Flush();
    await server.WaitForShutdownAsync();
}
return 0;
