import Foundation
import LIPEthereum
import LIPCore

/// Called during long imports with the number of rows done so far.
package typealias ImportProgress = (Int) -> Void
