global using System.Net;
global using System.Text.Json;
global using LifePos.Emulator.Tests.Support;
global using Xunit;
