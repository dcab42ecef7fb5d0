/*
 * Operator console: the one dictionary (Vietnamese by default, English on request) and the language choice.
 * Every label the console shows is here, in both languages side by side. Words that come from the gateway
 * itself (route descriptions, event labels, alert messages, ErrorDesc) are Vietnamese; the console shows them
 * as they are in Vietnamese and uses the English entries below when English is chosen.
 *
 * Language: ?lang=en (or vi) in the address wins and is remembered; otherwise localStorage; otherwise vi.
 */
(function (global) {
  'use strict';

  var DICT = {
    // ------------------------------------------------------------------ page, header, navigation
    'app.title': { vi: 'Bảng điều khiển vận hành trục liên thông', en: 'Document exchange gateway: operator console' },
    'app.brand': { vi: 'Trục liên thông văn bản', en: 'Document exchange gateway' },
    'app.skip': { vi: 'Bỏ qua, đến nội dung chính', en: 'Skip to main content' },
    'nav.label': { vi: 'Các màn hình', en: 'Views' },
    'nav.overview': { vi: 'Tổng quan', en: 'Overview' },
    'nav.routes': { vi: 'Tuyến', en: 'Routes' },
    'nav.agencies': { vi: 'Đơn vị', en: 'Agencies' },
    'nav.links': { vi: 'Liên kết', en: 'Links' },
    'nav.documents': { vi: 'Văn bản', en: 'Documents' },
    'nav.deadLetters': { vi: 'Thư chết', en: 'Dead letters' },
    'lang.label': { vi: 'Ngôn ngữ', en: 'Language' },
    'lang.vi': { vi: 'Tiếng Việt', en: 'Tiếng Việt' },
    'lang.en': { vi: 'English', en: 'English' },
    'user.signedInAs': { vi: 'Đăng nhập: {user} ({role})', en: 'Signed in: {user} ({role})' },
    'role.ADMIN': { vi: 'Quản trị', en: 'Administrator' },
    'role.OPERATOR': { vi: 'Vận hành', en: 'Operator' },
    'role.VIEWER': { vi: 'Theo dõi', en: 'Viewer' },
    'role.unknown': { vi: 'không rõ quyền', en: 'unknown role' },
    'readonly.note': { vi: 'Bạn có quyền Theo dõi: chỉ xem, không gửi lại hay tạm dừng được.',
                       en: 'You have the Viewer role: you can look, not resend or suspend.' },
    'action.logout': { vi: 'Đăng xuất', en: 'Log out' },
    'refresh.auto': { vi: 'Tự làm mới mỗi 5 giây', en: 'Refresh every 5 seconds' },
    'refresh.now': { vi: 'Làm mới', en: 'Refresh' },
    'refresh.updated': { vi: 'Cập nhật lúc {time}', en: 'Updated at {time}' },
    'refresh.pausedTyping': { vi: 'Tạm ngừng làm mới trong khi bạn nhập', en: 'Refresh paused while you type' },
    'refresh.off': { vi: 'Đã tắt tự làm mới', en: 'Auto-refresh is off' },
    'common.all': { vi: 'Tất cả', en: 'All' },
    'common.none': { vi: '—', en: '—' },
    'common.yes': { vi: 'Có', en: 'Yes' },
    'common.no': { vi: 'Không', en: 'No' },
    'common.loading': { vi: 'Đang tải…', en: 'Loading…' },
    'common.close': { vi: 'Đóng', en: 'Close' },

    // ------------------------------------------------------------------ errors and messages
    'error.network': { vi: 'Không kết nối được với cổng liên thông. Sẽ thử lại.', en: 'Cannot reach the gateway. Will try again.' },
    'error.forbidden': { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
    'error.notFound': { vi: 'Không tìm thấy.', en: 'Not found.' },
    'error.http': { vi: 'Lỗi {status}: {desc}', en: 'Error {status}: {desc}' },
    'error.csrf': { vi: 'Thiếu mã chống giả mạo (CSRF). Hãy tải lại trang.', en: 'The CSRF token is missing. Reload the page.' },
    'error.noMe': { vi: 'Không xác định được quyền của bạn; các nút thao tác bị ẩn.',
                    en: 'Could not learn your role; action buttons are hidden.' },

    // ------------------------------------------------------------------ health and overview
    'overview.title': { vi: 'Tổng quan', en: 'Overview' },
    'overview.health': { vi: 'Tình trạng hệ thống', en: 'System health' },
    'overview.today': { vi: 'Văn bản hôm nay', en: 'Documents today' },
    'overview.backlog': { vi: 'Tồn đọng', en: 'Backlog' },
    'overview.backlogDeliveries': { vi: 'lượt chuyển đang chờ', en: 'waiting to be delivered' },
    'overview.oldest': { vi: 'Cũ nhất: {age}', en: 'Oldest: {age}' },
    'overview.failures': { vi: 'Lỗi', en: 'Failures' },
    'overview.failedDeliveries': { vi: 'Lượt chuyển thất bại', en: 'Failed deliveries' },
    'overview.deadLetters': { vi: 'Thư chết', en: 'Dead letters' },
    'overview.seeDeadLetters': { vi: 'Xem thư chết', en: 'See dead letters' },
    'overview.chartTitle': { vi: 'Văn bản mỗi phút, 60 phút qua', en: 'Documents per minute, last 60 minutes' },
    'overview.chartSummary': { vi: 'Tổng {total} văn bản trong 60 phút; cao nhất {max} văn bản/phút lúc {time}.',
                               en: '{total} documents in 60 minutes; at most {max} per minute, at {time}.' },
    'overview.chartEmpty': { vi: 'Không có văn bản nào trong 60 phút qua.', en: 'No documents in the last 60 minutes.' },
    'overview.chartBar': { vi: '{time}: {count} văn bản', en: '{time}: {count} documents' },
    'overview.chartAxis': { vi: 'văn bản/phút', en: 'documents/min' },
    'overview.alerts': { vi: 'Cảnh báo', en: 'Alerts' },
    'overview.noAlerts': { vi: 'Không có cảnh báo.', en: 'No alerts.' },
    'overview.queues': { vi: 'Hàng đợi', en: 'Queues' },
    'component.db': { vi: 'Cơ sở dữ liệu', en: 'Database' },
    'component.broker': { vi: 'Hàng đợi (Artemis)', en: 'Broker (Artemis)' },
    'component.readinessState': { vi: 'Sẵn sàng phục vụ', en: 'Ready to serve' },
    'component.livenessState': { vi: 'Tiến trình hoạt động', en: 'Process alive' },
    'component.diskSpace': { vi: 'Dung lượng đĩa', en: 'Disk space' },
    'health.UP': { vi: 'Hoạt động', en: 'Up' },
    'health.DOWN': { vi: 'Ngừng hoạt động', en: 'Down' },
    'health.OUT_OF_SERVICE': { vi: 'Ngừng phục vụ', en: 'Out of service' },
    'health.UNKNOWN': { vi: 'Không rõ', en: 'Unknown' },
    'severity.CRITICAL': { vi: 'Nghiêm trọng', en: 'Critical' },
    'severity.ERROR': { vi: 'Lỗi', en: 'Error' },
    'severity.WARNING': { vi: 'Cảnh báo', en: 'Warning' },
    'severity.INFO': { vi: 'Thông tin', en: 'Information' },
    'alert.RECIPIENT_FAILING': { vi: 'Đơn vị {subject} chuyển không thành công', en: 'Deliveries to {subject} are failing' },
    'alert.DEAD_LETTERS': { vi: 'Có thư chết cần xử lý', en: 'Dead letters need attention' },
    'alert.BACKLOG_OLD': { vi: 'Hàng gửi tồn đọng quá lâu', en: 'Deliveries have been waiting too long' },
    'alert.CERTIFICATE_EXPIRING': { vi: 'Chứng thư số {subject} sắp hết hạn', en: 'Certificate {subject} expires soon' },
    'alert.since': { vi: 'từ {time}', en: 'since {time}' },
    'queue.name': { vi: 'Hàng đợi', en: 'Queue' },
    'queue.messages': { vi: 'Đang chờ', en: 'Waiting' },
    'queue.delivering': { vi: 'Đang chuyển', en: 'Delivering' },
    'queue.consumers': { vi: 'Bộ nhận', en: 'Consumers' },
    'queue.added': { vi: 'Đã nhận (tổng)', en: 'Added (total)' },
    'queue.dlq': { vi: 'thư chết', en: 'dead letters' },
    'queue.empty': { vi: 'Không có hàng đợi.', en: 'No queues.' },

    // ------------------------------------------------------------------ routes
    'routes.title': { vi: 'Tuyến xử lý', en: 'Routes' },
    'routes.empty': { vi: 'Không có tuyến nào.', en: 'No routes.' },
    'routes.col.route': { vi: 'Tuyến', en: 'Route' },
    'routes.col.state': { vi: 'Trạng thái', en: 'State' },
    'routes.col.total': { vi: 'Đã xử lý', en: 'Processed' },
    'routes.col.failed': { vi: 'Lỗi', en: 'Failed' },
    'routes.col.inflight': { vi: 'Đang xử lý', en: 'In flight' },
    'routes.col.times': { vi: 'Xử lý (ms): TB / tối đa / gần nhất', en: 'Time (ms): mean / max / last' },
    'routes.col.lastFailure': { vi: 'Lỗi gần nhất', en: 'Last failure' },
    'routes.col.actions': { vi: 'Thao tác', en: 'Actions' },
    'route.state.Started': { vi: 'Đang chạy', en: 'Running' },
    'route.state.Suspended': { vi: 'Tạm dừng', en: 'Suspended' },
    'route.state.Stopped': { vi: 'Đã dừng', en: 'Stopped' },
    'route.desc.intake': { vi: 'Tiếp nhận gói tin', en: 'Packet intake' },
    'route.desc.dispatch': { vi: 'Đưa vào hàng đợi', en: 'Dispatch to the queues' },
    'route.desc.delivery-pull': { vi: 'Chuyển vào hộp thư đến', en: 'Delivery to inboxes (pull)' },
    'route.desc.delivery-push': { vi: 'Đẩy đến hệ thống nhận', en: 'Push to receiving systems' },
    'route.desc.dead-letter': { vi: 'Hàng thư chết', en: 'Dead letters' },
    'route.desc.sweeper': { vi: 'Quét hàng gửi còn tồn', en: 'Outbox sweeper' },
    'action.suspend': { vi: 'Tạm dừng', en: 'Suspend' },
    'action.resume': { vi: 'Tiếp tục', en: 'Resume' },
    'action.suspendRoute': { vi: 'Tạm dừng tuyến {id}', en: 'Suspend route {id}' },
    'action.resumeRoute': { vi: 'Tiếp tục tuyến {id}', en: 'Resume route {id}' },
    'confirm.suspendRoute': { vi: 'Tạm dừng tuyến {id}? Gói tin sẽ chờ cho đến khi tuyến chạy lại.',
                              en: 'Suspend route {id}? Messages will wait until it is resumed.' },
    'msg.routeSuspended': { vi: 'Đã tạm dừng tuyến {id}.', en: 'Route {id} suspended.' },
    'msg.routeResumed': { vi: 'Tuyến {id} đã chạy lại.', en: 'Route {id} resumed.' },

    // ------------------------------------------------------------------ agencies
    'agencies.title': { vi: 'Đơn vị và tình trạng kết nối', en: 'Agencies and their connections' },
    'agencies.empty': { vi: 'Không có đơn vị nào.', en: 'No agencies.' },
    'agencies.retired': { vi: 'Đã thôi sử dụng mã, kế thừa: {successor}', en: 'Code retired, successor: {successor}' },
    'agencies.retiredRefuse': { vi: '(từ chối văn bản gửi tới, mã 75)', en: '(documents to it refused, code 75)' },
    'action.retire': { vi: 'Thôi sử dụng mã', en: 'Retire code' },
    'action.reinstate': { vi: 'Dùng lại mã', en: 'Reinstate code' },
    'action.retireAgency': { vi: 'Thôi sử dụng mã {code}', en: 'Retire code {code}' },
    'action.reinstateAgency': { vi: 'Dùng lại mã {code}', en: 'Reinstate code {code}' },
    'prompt.successor': { vi: 'Mã định danh của đơn vị kế thừa {code}:', en: 'Code of the agency that succeeds {code}:' },
    'msg.agencyRetired': { vi: 'Mã {code} đã thôi sử dụng; văn bản gửi tới sẽ chuyển cho {successor}.',
      en: 'Code {code} retired; documents to it go to {successor}.' },
    'msg.agencyReinstated': { vi: 'Mã {code} được dùng lại.', en: 'Code {code} is in use again.' },
    'refusals.title': { vi: 'Văn bản mật bị từ chối', en: 'Classified documents refused' },
    'refusals.note': { vi: 'Gói tin không được lưu; chỉ ghi người gửi, nơi nhận, số/ký hiệu và dấu độ mật tìm thấy.',
      en: 'The packets were not stored; only sender, recipients, number and the mark found are kept.' },
    'refusals.empty': { vi: 'Chưa có văn bản mật nào bị từ chối.', en: 'No classified document refused.' },
    'refusals.col.time': { vi: 'Thời điểm', en: 'Time' },
    'refusals.col.from': { vi: 'Gửi từ', en: 'From' },
    'refusals.col.to': { vi: 'Gửi tới', en: 'To' },
    'refusals.col.code': { vi: 'Số/ký hiệu', en: 'Number' },
    'refusals.col.mark': { vi: 'Dấu độ mật', en: 'Mark' },
    'refusals.col.where': { vi: 'Tìm thấy tại', en: 'Found in' },
    'alert.CLASSIFIED_REFUSED': { vi: 'Đã từ chối một văn bản mật ({subject})', en: 'A classified document was refused ({subject})' },
    'agencies.col.agency': { vi: 'Đơn vị (mã định danh, tên)', en: 'Agency (code, name)' },
    'agencies.col.side': { vi: 'Khối', en: 'Side' },
    'agencies.col.mode': { vi: 'Cách nhận', en: 'Delivery' },
    'agencies.col.connection': { vi: 'Kết nối', en: 'Connection' },
    'agencies.col.lastSuccess': { vi: 'Chuyển thành công gần nhất', en: 'Last success' },
    'agencies.col.lastFailure': { vi: 'Lỗi gần nhất', en: 'Last failure' },
    'agencies.consecutive': { vi: '{n} lỗi liên tiếp', en: '{n} failures in a row' },
    'agencies.col.backlog': { vi: 'Đang chờ', en: 'Waiting' },
    'agencies.col.actions': { vi: 'Thao tác', en: 'Actions' },
    'side.PARTY': { vi: 'Đảng', en: 'Party' },
    'side.STATE': { vi: 'Nhà nước', en: 'State' },
    'mode.PULL': { vi: 'Tự lấy (pull)', en: 'Pull' },
    'mode.PUSH_SOAP': { vi: 'Đẩy qua SOAP', en: 'Push over SOAP' },
    'mode.PUSH_REST': { vi: 'Đẩy qua REST', en: 'Push over REST' },
    'mode.LINK': { vi: 'Qua trục liên kết', en: 'Through a link' },
    'links.title': { vi: 'Liên kết đến các trục khác', en: 'Links to other axes' },
    'links.empty': { vi: 'Chưa có liên kết nào.', en: 'No links.' },
    'links.col.link': { vi: 'Liên kết', en: 'Link' },
    'links.col.endpoint': { vi: 'Địa chỉ, mã hệ thống', en: 'Endpoint, system id' },
    'links.col.state': { vi: 'Trạng thái', en: 'State' },
    'links.col.lastError': { vi: 'Lỗi', en: 'Error' },
    'links.col.lastSuccess': { vi: 'Thành công gần nhất', en: 'Last success' },
    'links.col.lastPolled': { vi: 'Lấy hộp thư gần nhất', en: 'Last inbox poll' },
    'links.col.backlog': { vi: 'Chờ chuyển', en: 'Backlog' },
    'links.failingSince': { vi: 'lỗi từ', en: 'failing since' },
    'linkstate.UP': { vi: 'Hoạt động', en: 'Up' },
    'linkstate.FAILING': { vi: 'Đang lỗi', en: 'Failing' },
    'linkstate.UNKNOWN': { vi: 'Chưa kết nối lần nào', en: 'Not contacted yet' },
    'linkstate.DISABLED': { vi: 'Đã tắt', en: 'Disabled' },
    'conn.OK': { vi: 'Bình thường', en: 'OK' },
    'conn.FAILING': { vi: 'Đang lỗi', en: 'Failing' },
    'conn.SUSPENDED': { vi: 'Tạm dừng', en: 'Suspended' },
    'conn.DISABLED': { vi: 'Đã vô hiệu hóa', en: 'Disabled' },
    'conn.IDLE': { vi: 'Chưa có dữ liệu', en: 'No data yet' },
    'action.suspendAgency': { vi: 'Tạm dừng chuyển đến {code}', en: 'Suspend deliveries to {code}' },
    'action.resumeAgency': { vi: 'Tiếp tục chuyển đến {code}', en: 'Resume deliveries to {code}' },
    'confirm.suspendAgency': { vi: 'Tạm dừng chuyển văn bản đến {code}? Văn bản sẽ chờ cho đến khi tiếp tục.',
                               en: 'Suspend deliveries to {code}? Documents will wait until you resume.' },
    'msg.agencySuspended': { vi: 'Đã tạm dừng chuyển đến {code}.', en: 'Deliveries to {code} suspended.' },
    'msg.agencyResumed': { vi: 'Đã tiếp tục chuyển đến {code}.', en: 'Deliveries to {code} resumed.' },
    'agencies.waiting': { vi: '{n} (cũ nhất {age})', en: '{n} (oldest {age})' },

    // ------------------------------------------------------------------ documents: search and list
    'documents.title': { vi: 'Tra cứu văn bản', en: 'Find documents' },
    'search.legend': { vi: 'Điều kiện tìm kiếm', en: 'Search' },
    'search.documentId': { vi: 'Mã văn bản (DocumentId)', en: 'DocumentId' },
    'search.code': { vi: 'Số/ký hiệu', en: 'Number/symbol' },
    'search.sender': { vi: 'Nơi gửi (mã định danh)', en: 'Sender (code)' },
    'search.recipient': { vi: 'Nơi nhận (mã định danh)', en: 'Recipient (code)' },
    'search.state': { vi: 'Trạng thái chuyển', en: 'Delivery state' },
    'search.messageType': { vi: 'Loại gói tin', en: 'Packet type' },
    'search.from': { vi: 'Nhận từ', en: 'Received from' },
    'search.to': { vi: 'Nhận đến', en: 'Received until' },
    'search.sort': { vi: 'Sắp xếp', en: 'Sort' },
    'search.submit': { vi: 'Tìm kiếm', en: 'Search' },
    'search.reset': { vi: 'Xóa điều kiện', en: 'Clear' },
    'sort.receivedAt,desc': { vi: 'Mới nhận trước', en: 'Newest first' },
    'sort.receivedAt,asc': { vi: 'Cũ trước', en: 'Oldest first' },
    'sort.priority,desc': { vi: 'Độ khẩn giảm dần', en: 'Most urgent first' },
    'sort.sender,asc': { vi: 'Theo nơi gửi', en: 'By sender' },
    'messageType.edoc': { vi: 'Văn bản', en: 'Document' },
    'messageType.status': { vi: 'Trạng thái xử lý', en: 'Status' },
    'documents.col.receivedAt': { vi: 'Thời điểm nhận', en: 'Received' },
    'documents.col.code': { vi: 'Số/ký hiệu', en: 'Number/symbol' },
    'documents.col.subject': { vi: 'Trích yếu', en: 'Subject' },
    'documents.col.sender': { vi: 'Nơi gửi', en: 'Sender' },
    'documents.col.recipients': { vi: 'Nơi nhận và trạng thái', en: 'Recipients and state' },
    'documents.col.type': { vi: 'Loại', en: 'Type' },
    'documents.col.priority': { vi: 'Độ khẩn', en: 'Priority' },
    'documents.empty': { vi: 'Không tìm thấy văn bản nào.', en: 'No documents found.' },
    'documents.open': { vi: 'Mở văn bản {code}', en: 'Open document {code}' },
    'pager.summary': { vi: 'Trang {page}/{pages} · {total} kết quả', en: 'Page {page} of {pages} · {total} results' },
    'pager.prev': { vi: '‹ Trang trước', en: '‹ Previous' },
    'pager.next': { vi: 'Trang sau ›', en: 'Next ›' },
    'pager.label': { vi: 'Phân trang', en: 'Pages' },
    'priority.0': { vi: 'Thường', en: 'Normal' },
    'priority.1': { vi: 'Khẩn', en: 'Urgent' },
    'priority.2': { vi: 'Thượng khẩn', en: 'Very urgent' },
    'priority.3': { vi: 'Hỏa tốc', en: 'Flash' },
    'priority.4': { vi: 'Hỏa tốc hẹn giờ', en: 'Flash, timed' },

    // ------------------------------------------------------------------ one document
    'doc.title': { vi: 'Văn bản {code}', en: 'Document {code}' },
    'doc.back': { vi: '← Quay lại danh sách', en: '← Back to the list' },
    'doc.metadata': { vi: 'Thông tin văn bản', en: 'Metadata' },
    'doc.contentNote': { vi: 'Nội dung văn bản không hiển thị ở đây; bảng điều khiển chỉ cho xem thông tin mô tả.',
                         en: 'The content of a document is never shown here; the console shows its metadata only.' },
    'doc.docId': { vi: 'Mã trên trục (docId)', en: 'Gateway id (docId)' },
    'doc.documentId': { vi: 'Mã văn bản (DocumentId)', en: 'DocumentId' },
    'doc.messageType': { vi: 'Loại gói tin', en: 'Packet type' },
    'doc.code': { vi: 'Số/ký hiệu', en: 'Number/symbol' },
    'doc.subject': { vi: 'Trích yếu', en: 'Subject' },
    'doc.typeName': { vi: 'Loại văn bản', en: 'Document type' },
    'doc.sender': { vi: 'Nơi gửi', en: 'Sender' },
    'doc.senderSystem': { vi: 'Hệ thống gửi', en: 'Sending system' },
    'doc.channel': { vi: 'Kênh tiếp nhận', en: 'Channel' },
    'doc.priority': { vi: 'Độ khẩn', en: 'Priority' },
    'doc.businessDocType': { vi: 'Loại nghiệp vụ', en: 'Business type' },
    'doc.statusCode': { vi: 'Mã trạng thái', en: 'Status code' },
    'doc.relatedDocId': { vi: 'Văn bản gốc', en: 'Original document' },
    'doc.receivedAt': { vi: 'Thời điểm nhận', en: 'Received' },
    'doc.size': { vi: 'Kích thước gói tin', en: 'Packet size' },
    'doc.sha256': { vi: 'Mã băm SHA-256', en: 'SHA-256' },
    'doc.signature': { vi: 'Chữ ký số', en: 'Signature' },
    'doc.signer': { vi: 'Người ký', en: 'Signer' },
    'doc.deliveries': { vi: 'Lượt chuyển đến đơn vị nhận', en: 'Deliveries' },
    'doc.timeline': { vi: 'Diễn biến', en: 'Timeline' },
    'doc.related': { vi: 'Gói tin liên quan', en: 'Related packets' },
    'doc.noEvents': { vi: 'Chưa có sự kiện.', en: 'No events yet.' },
    'doc.noDeliveries': { vi: 'Không có lượt chuyển.', en: 'No deliveries.' },
    'doc.noRelated': { vi: 'Không có gói tin liên quan.', en: 'No related packets.' },
    'doc.loading': { vi: 'Đang tải văn bản…', en: 'Loading the document…' },
    'businessDocType.0': { vi: 'Văn bản mới', en: 'New document' },
    'businessDocType.1': { vi: 'Thu hồi', en: 'Revocation' },
    'businessDocType.2': { vi: 'Cập nhật', en: 'Update' },
    'businessDocType.3': { vi: 'Thay thế', en: 'Replacement' },
    'doc.pdfSignatures': { vi: 'Chữ ký số trên tệp PDF', en: 'Signatures on the PDFs' },
    'doc.noPdfSignatures': { vi: 'Không có tệp PDF nào trong tệp đính kèm.', en: 'No PDF in the attachments.' },
    'pdf.col.file': { vi: 'Tệp', en: 'File' },
    'pdf.col.status': { vi: 'Kết quả', en: 'Result' },
    'pdf.col.signer': { vi: 'Người ký', en: 'Signer' },
    'pdf.col.agency': { vi: 'Mã đơn vị', en: 'Agency code' },
    'pdf.col.signingTime': { vi: 'Thời điểm ký', en: 'Signed at' },
    'pdf.col.reason': { vi: 'Lý do', en: 'Why' },
    'pdfVerdict.SIGNED_VALID': { vi: 'Văn bản có chữ ký số hợp lệ', en: 'Validly signed' },
    'pdfVerdict.NOT_SIGNED': { vi: 'Văn bản không có chữ ký số', en: 'Not signed' },
    'pdfVerdict.INVALID': { vi: 'Chữ ký số không hợp lệ', en: 'Signatures not valid' },
    'pdfVerdict.REVOCATION_UNKNOWN': { vi: 'Chưa xác định được tình trạng thu hồi chứng thư', en: 'Revocation unknown' },
    'pdfStatus.REVOCATION_UNKNOWN': { vi: 'Chưa xác định được tình trạng thu hồi', en: 'Revocation unknown' },
    'pdfVerdict.NO_PDF': { vi: 'Không có tệp PDF', en: 'No PDF' },
    'pdfStatus.VALID': { vi: 'Hợp lệ', en: 'Valid' },
    'pdfStatus.NO_SIGNATURE': { vi: 'Không có chữ ký', en: 'No signature' },
    'pdfStatus.INTEGRITY': { vi: 'Nội dung bị thay đổi', en: 'Content changed' },
    'pdfStatus.NOT_COVERING': { vi: 'Sửa đổi sau khi ký', en: 'Changed after signing' },
    'pdfStatus.REVOKED': { vi: 'Chứng thư bị thu hồi', en: 'Certificate revoked' },
    'pdfStatus.UNTRUSTED': { vi: 'Chứng thư không tin cậy', en: 'Certificate untrusted' },
    'pdfStatus.EXPIRED': { vi: 'Chứng thư hết hạn', en: 'Certificate expired' },
    'signature.UNSIGNED': { vi: 'Không ký', en: 'Unsigned' },
    'signature.VALID': { vi: 'Hợp lệ', en: 'Valid' },
    'signature.INVALID': { vi: 'Không hợp lệ', en: 'Invalid' },
    'signature.NOT_CHECKED': { vi: 'Chưa kiểm tra', en: 'Not checked' },
    'signature.REVOCATION_UNKNOWN': { vi: 'Chưa xác định được tình trạng thu hồi', en: 'Revocation unknown' },
    'delivery.col.recipient': { vi: 'Nơi nhận', en: 'Recipient' },
    'delivery.col.mode': { vi: 'Cách nhận', en: 'Delivery' },
    'delivery.col.state': { vi: 'Trạng thái', en: 'State' },
    'delivery.col.attempts': { vi: 'Số lần thử', en: 'Attempts' },
    'delivery.col.lastError': { vi: 'Lỗi gần nhất', en: 'Last error' },
    'delivery.col.businessStatus': { vi: 'Trạng thái xử lý', en: 'Business status' },
    'delivery.col.updatedAt': { vi: 'Cập nhật', en: 'Updated' },
    'delivery.col.deliveredAt': { vi: 'Đã chuyển lúc', en: 'Delivered at' },
    'delivery.col.actions': { vi: 'Thao tác', en: 'Actions' },
    'event.col.at': { vi: 'Thời điểm', en: 'Time' },
    'event.col.what': { vi: 'Sự kiện', en: 'Event' },
    'event.col.detail': { vi: 'Chi tiết', en: 'Detail' },
    'event.col.actor': { vi: 'Thực hiện bởi', en: 'By' },
    'event.col.delivery': { vi: 'Lượt chuyển', en: 'Delivery' },
    'related.col.type': { vi: 'Loại', en: 'Type' },
    'related.col.status': { vi: 'Trạng thái', en: 'Status' },
    'related.col.sender': { vi: 'Nơi gửi', en: 'Sender' },
    'related.col.receivedAt': { vi: 'Thời điểm nhận', en: 'Received' },

    // delivery states (with text, never colour alone)
    'state.PENDING': { vi: 'Chờ đưa vào hàng đợi', en: 'Pending' },
    'state.QUEUED': { vi: 'Trong hàng đợi', en: 'Queued' },
    'state.AVAILABLE': { vi: 'Sẵn sàng trong hộp thư', en: 'In the inbox' },
    'state.PROCESSING': { vi: 'Đơn vị nhận đang xử lý', en: 'Being processed' },
    'state.DELIVERED': { vi: 'Đã chuyển', en: 'Delivered' },
    'state.REJECTED': { vi: 'Bị từ chối', en: 'Rejected' },
    'state.FAILED': { vi: 'Thất bại', en: 'Failed' },
    'state.HELD': { vi: 'Tạm giữ (đơn vị đang tạm dừng)', en: 'Held (agency suspended)' },

    // event types (the gateway sends the Vietnamese label; these are for both languages)
    'event.ACCEPTED': { vi: 'Đã tiếp nhận gói tin', en: 'Packet accepted' },
    'event.DUPLICATE': { vi: 'Gói tin gửi lại, đã có', en: 'Packet sent again, already known' },
    'event.LINKED': { vi: 'Liên kết với văn bản gốc', en: 'Linked to the original document' },
    'event.QUEUED': { vi: 'Đã đưa vào hàng đợi', en: 'Queued' },
    'event.AVAILABLE': { vi: 'Sẵn sàng trong hộp thư đến', en: 'Available in the inbox' },
    'event.PUSH_FAILED': { vi: 'Chuyển không thành công, sẽ thử lại', en: 'Push failed, will retry' },
    'event.DELIVERED': { vi: 'Đã chuyển đến đơn vị nhận', en: 'Delivered to the recipient' },
    'event.PROCESSING': { vi: 'Đơn vị nhận đang xử lý', en: 'The recipient is processing it' },
    'event.REJECTED': { vi: 'Đơn vị nhận báo lỗi khi nhận', en: 'The recipient reported an error' },
    'event.FAILED': { vi: 'Chuyển thất bại sau nhiều lần thử', en: 'Failed after several attempts' },
    'event.RESENT': { vi: 'Gửi lại theo yêu cầu của quản trị viên', en: 'Resent by an operator' },
    'event.HELD': { vi: 'Tạm giữ: đơn vị nhận đang tạm dừng nhận', en: 'Held: the recipient is suspended' },
    'event.RELEASED': { vi: 'Tiếp tục chuyển sau khi đơn vị được mở lại', en: 'Released: the recipient was resumed' },
    'event.STATUS': { vi: 'Nhận trạng thái xử lý', en: 'Status received' },
    'event.REDIRECTED': { vi: 'Mã đơn vị nhận đã thôi sử dụng: chuyển cho đơn vị kế thừa',
      en: 'Recipient code retired: delivered to its successor' },
    'event.REFUSED_CLASSIFIED': { vi: 'Từ chối văn bản mật (không lưu nội dung)',
      en: 'Classified document refused (content not stored)' },
    'event.FORWARDED': { vi: 'Đã chuyển sang trục liên kết', en: 'Handed off to a linked axis' },
    'event.OPERATOR_ACTION': { vi: 'Thao tác của quản trị viên', en: 'Operator action' },

    // business status codes 01..16 (QCVN 102:2016, national axis)
    'status.01': { vi: 'Đã đến', en: 'Arrived' },
    'status.02': { vi: 'Từ chối tiếp nhận', en: 'Refused' },
    'status.03': { vi: 'Đã tiếp nhận', en: 'Accepted' },
    'status.04': { vi: 'Phân công xử lý', en: 'Assigned' },
    'status.05': { vi: 'Đang xử lý', en: 'In progress' },
    'status.06': { vi: 'Hoàn thành', en: 'Finished' },
    'status.13': { vi: 'Yêu cầu lấy lại văn bản', en: 'Take-back requested' },
    'status.15': { vi: 'Đồng ý yêu cầu cập nhật, lấy lại', en: 'Update or take-back agreed' },
    'status.16': { vi: 'Từ chối yêu cầu cập nhật, lấy lại', en: 'Update or take-back refused' },

    // ------------------------------------------------------------------ dead letters
    'dead.title': { vi: 'Thư chết: lượt chuyển thất bại', en: 'Dead letters: failed deliveries' },
    'dead.intro': { vi: 'Các lượt chuyển đã thử nhiều lần mà không thành công. Khắc phục nguyên nhân rồi gửi lại.',
                    en: 'Deliveries that failed after every retry. Fix the cause, then resend them.' },
    'dead.empty': { vi: 'Không có thư chết.', en: 'No dead letters.' },
    'dead.col.select': { vi: 'Chọn', en: 'Select' },
    'dead.col.recipient': { vi: 'Nơi nhận', en: 'Recipient' },
    'dead.col.document': { vi: 'Văn bản', en: 'Document' },
    'dead.col.sender': { vi: 'Nơi gửi', en: 'Sender' },
    'dead.col.mode': { vi: 'Cách nhận', en: 'Delivery' },
    'dead.col.attempts': { vi: 'Số lần thử', en: 'Attempts' },
    'dead.col.lastError': { vi: 'Lỗi gần nhất', en: 'Last error' },
    'dead.col.updatedAt': { vi: 'Thất bại lúc', en: 'Failed at' },
    'dead.col.actions': { vi: 'Thao tác', en: 'Actions' },
    'dead.selectAll': { vi: 'Chọn tất cả trên trang này', en: 'Select all on this page' },
    'dead.selectOne': { vi: 'Chọn lượt chuyển đến {recipient}', en: 'Select the delivery to {recipient}' },
    'action.resend': { vi: 'Gửi lại', en: 'Resend' },
    'action.resendOne': { vi: 'Gửi lại đến {recipient}', en: 'Resend to {recipient}' },
    'action.resendSelected': { vi: 'Gửi lại các mục đã chọn ({n})', en: 'Resend the selected ({n})' },
    'msg.resent': { vi: 'Đã gửi lại {resent} lượt chuyển; bỏ qua {skipped}.', en: '{resent} resent; {skipped} skipped.' },

    // ------------------------------------------------------------------ login page
    'login.title': { vi: 'Đăng nhập', en: 'Sign in' },
    'login.heading': { vi: 'Đăng nhập bảng điều khiển vận hành', en: 'Sign in to the operator console' },
    'login.note': { vi: 'Dành cho cán bộ vận hành trục liên thông. Hệ thống quản lý văn bản không đăng nhập ở đây.',
                    en: 'For the people who run the gateway. Document systems do not sign in here.' },
    'login.username': { vi: 'Tên đăng nhập', en: 'Username' },
    'login.password': { vi: 'Mật khẩu', en: 'Password' },
    'login.submit': { vi: 'Đăng nhập', en: 'Sign in' },
    'login.submitting': { vi: 'Đang đăng nhập…', en: 'Signing in…' },
    'login.error': { vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' },
    'login.loggedOut': { vi: 'Bạn đã đăng xuất.', en: 'You have logged out.' },
    'login.expired': { vi: 'Phiên làm việc đã kết thúc, vui lòng đăng nhập lại.', en: 'Your session has ended; please sign in again.' },

    // ------------------------------------------------------------------ durations and sizes
    'dur.s': { vi: '{n} giây', en: '{n} s' },
    'dur.m': { vi: '{n} phút', en: '{n} min' },
    'dur.h': { vi: '{n} giờ', en: '{n} h' },
    'dur.d': { vi: '{n} ngày', en: '{n} d' },
    'size.bytes': { vi: '{n} byte', en: '{n} bytes' }
  };

  var LANGS = ['vi', 'en'];
  var STORAGE_KEY = 'lienthong.console.lang';

  function chooseLang() {
    var fromUrl = null;
    try {
      fromUrl = new URLSearchParams(global.location.search).get('lang');
    } catch (e) { /* old browser: ignore */ }
    if (fromUrl && LANGS.indexOf(fromUrl) >= 0) {
      store(fromUrl);
      return fromUrl;
    }
    var stored = null;
    try {
      stored = global.localStorage.getItem(STORAGE_KEY);
    } catch (e) { /* storage disabled */ }
    return stored && LANGS.indexOf(stored) >= 0 ? stored : 'vi';
  }

  function store(lang) {
    try {
      global.localStorage.setItem(STORAGE_KEY, lang);
    } catch (e) { /* storage disabled: the choice lasts for this page only */ }
  }

  var current = chooseLang();

  /** The label for key in the current language, {name} replaced from params; the key itself when unknown. */
  function t(key, params) {
    var entry = DICT[key];
    var text = entry ? (entry[current] || entry.vi) : key;
    if (params) {
      text = text.replace(/\{(\w+)\}/g, function (all, name) {
        return params[name] === undefined || params[name] === null ? all : String(params[name]);
      });
    }
    return text;
  }

  function has(key) {
    return Object.prototype.hasOwnProperty.call(DICT, key);
  }

  /** Fills every [data-i18n] (text), [data-i18n-aria] (aria-label), [data-i18n-title] and the document title. */
  function apply(root) {
    var scope = root || global.document;
    scope.querySelectorAll('[data-i18n]').forEach(function (el) {
      el.textContent = t(el.getAttribute('data-i18n'));
    });
    scope.querySelectorAll('[data-i18n-aria]').forEach(function (el) {
      el.setAttribute('aria-label', t(el.getAttribute('data-i18n-aria')));
    });
    scope.querySelectorAll('[data-i18n-title]').forEach(function (el) {
      el.setAttribute('title', t(el.getAttribute('data-i18n-title')));
    });
    scope.querySelectorAll('[data-i18n-placeholder]').forEach(function (el) {
      el.setAttribute('placeholder', t(el.getAttribute('data-i18n-placeholder')));
    });
    global.document.documentElement.setAttribute('lang', current);
  }

  /** Keys missing a language, and [data-i18n*] keys absent from the dictionary: both should be empty. */
  function problems(root) {
    var out = [];
    Object.keys(DICT).forEach(function (key) {
      LANGS.forEach(function (lang) {
        if (!DICT[key][lang]) {
          out.push(key + ' has no ' + lang);
        }
      });
    });
    var scope = root || global.document;
    ['data-i18n', 'data-i18n-aria', 'data-i18n-title', 'data-i18n-placeholder'].forEach(function (attr) {
      scope.querySelectorAll('[' + attr + ']').forEach(function (el) {
        if (!has(el.getAttribute(attr))) {
          out.push(attr + '=' + el.getAttribute(attr) + ' is not in the dictionary');
        }
      });
    });
    return out;
  }

  function setLang(lang) {
    if (LANGS.indexOf(lang) < 0) {
      return;
    }
    current = lang;
    store(lang);
    apply();
  }

  global.LienthongI18n = {
    t: t,
    has: has,
    apply: apply,
    problems: problems,
    setLang: setLang,
    lang: function () { return current; },
    langs: LANGS.slice(),
    locale: function () { return current === 'vi' ? 'vi-VN' : 'en-GB'; }
  };
}(window));
