# The emulator's answer variants (its --answers; the choices are in src/LifePos.Emulator/Answers/AnswerStyle.cs). Run.ps1 runs
# the tests tagged Variants (all in Cmdlets/) once on each, on one emulator switched with PUT /_emulator/answers: every
# value of every choice but the default, one value per run, so a failure names the one answer that differs.
# Project/Emulator.Tests.ps1 checks that Variants and LeftOut together name every such value.
@{
    Variants = @(
        'activation=no-token'
        'errors=code-description'
        'errors=problem'
        'errors=text'
        'errors=html'
        'items=null-on-empty'
        'items=missing-on-empty'
        'end-token=null'
        'end-token=missing'
        'page-fields=missing'
        'auth=bearer'
        'auth=raw'
        'dates=seconds'
        'dates=ticks'
        'dates=zulu'
        'numbers=string'
        'enums=lower'
        'request-id=traceparent'
        'request-id=none'
        'actions=empty200'
        'actions=empty204'
        'actions=empty-object'
    )

    # Values kept out of the runs until a bug in the module that they show is fixed, each with the bug; move a value
    # back to Variants when its bug is fixed.
    LeftOut = @{}
}
