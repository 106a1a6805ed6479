// The Core layers almost every test reads; each file names only what else it needs.
global using CallSupervisor.Core.Events;
global using CallSupervisor.Core.Execution;
global using CallSupervisor.Core.Identifiers;
global using CallSupervisor.Core.Model;
global using CallSupervisor.Core.Store;
