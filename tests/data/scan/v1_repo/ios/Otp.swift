import Foundation

let checkURL = URL(string: "https://api.ding.live/v1/check")!
