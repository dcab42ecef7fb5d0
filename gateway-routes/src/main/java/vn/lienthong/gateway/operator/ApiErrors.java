package vn.lienthong.gateway.operator;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;

/** The operator API's errors in the gateway's shape: {"status":"FAIL","ErrorCode":...,"ErrorDesc":...}. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
public class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(GatewayException.class)
    ResponseEntity<Map<String, String>> refused(GatewayException e) {
        return answer(e.error(), e.describe());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, String>> badRequest(Exception e) {
        return answer(GatewayError.BAD_PARAMETER, GatewayError.BAD_PARAMETER.vietnamese());
    }

    @ExceptionHandler(org.apache.camel.FailedToStartRouteException.class)
    ResponseEntity<Map<String, String>> routeFailed(Exception e) {
        LOG.error("Không đổi được trạng thái tuyến (route state change failed)", e);
        return answer(GatewayError.INTERNAL_ERROR, GatewayError.INTERNAL_ERROR.vietnamese());
    }

    private static ResponseEntity<Map<String, String>> answer(GatewayError error, String description) {
        return ResponseEntity.status(HttpStatus.valueOf(error.httpStatus()))
                .body(Map.of("status", "FAIL", "ErrorCode", error.code(), "ErrorDesc", description));
    }
}
