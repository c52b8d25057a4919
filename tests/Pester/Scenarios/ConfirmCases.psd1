# The confirm preferences the idiom matrix tries on every cmdlet in a -NonInteractive pwsh (IdiomMatrix.Tests.ps1):
# read at discovery for the test names, and at run time for the child pwsh that runs them.
@{
    Cases = @(
        @{ Case = "`$ConfirmPreference = 'None'"; Preference = 'None'; Extra = @{} }
        @{ Case = "`$ConfirmPreference = 'Low'"; Preference = 'Low'; Extra = @{} }
        @{ Case = "`$ConfirmPreference = 'Low' with -Confirm:`$false"; Preference = 'Low'; Extra = @{ Confirm = $false } }
        @{ Case = "`$ConfirmPreference = 'High'"; Preference = 'High'; Extra = @{} }
        @{ Case = "`$ConfirmPreference = 'None' with -Confirm"; Preference = 'None'; Extra = @{ Confirm = $true } }
    )
}
