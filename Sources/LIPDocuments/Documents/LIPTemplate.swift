import Foundation
import LIPCore

/// The template `lip init` writes to `Templates/LIP-X.md` and `lip new` falls back to.
package enum LIPTemplate {
    /// The template text.
    package static let text = """
        ---
        lip: <to be assigned>
        title: <a short title, at most 60 characters>
        author: <Name (@github-handle), Name <email@example.org>>
        type: <Standard Track | Parameter | Informational | Meta>
        status: Draft
        created: <YYYY-MM-DD>
        discussions-to: <https://forum.livepeer.org/t/...>
        ---

        ## Abstract

        What changes, in one paragraph a tokenholder can read in a minute.

        ## Motivation

        Why the protocol as it is today does not do what is needed, with numbers where there are numbers.

        ## Specification

        The change in enough detail that two teams would build the same contracts and clients.

        ## Specification Rationale

        Why this design and not the alternatives that were discussed; the objections raised and how they were answered.

        ## Backwards Compatibility

        What stops working, for whom, and what they must do.

        ## Test Cases

        Required for changes to consensus-relevant contracts.

        ## Implementation

        Links to the implementation; it must be complete before the LIP becomes Final.

        ## Copyright

        Copyright and related rights waived via [CC0](https://creativecommons.org/publicdomain/zero/1.0/).

        """
}
