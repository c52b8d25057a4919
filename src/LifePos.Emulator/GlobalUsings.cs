// The folders sort the emulator's types by job inside one assembly, and the rooms call on each other (a route row names
// its rights and its handler; a handler answers in the answer style), so every file sees every room's types.
global using LifePos.Emulator.Answers;
global using LifePos.Emulator.Control;
global using LifePos.Emulator.Copy;
global using LifePos.Emulator.Dashboard;
global using LifePos.Emulator.Endpoints;
global using LifePos.Emulator.Faults;
global using LifePos.Emulator.Pipeline;
global using LifePos.Emulator.Rules;
global using LifePos.Emulator.State;
global using LifePos.Emulator.State.Items;
global using LifePos.Emulator.State.Lists;
